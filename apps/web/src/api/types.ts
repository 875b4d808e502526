/** The shapes of the public API v1 this page reads (a subset of what it answers). */
export interface Address {
  email: string;
  name: string | null;
}

export interface UserRef {
  id: string;
  name: string;
  email: string;
}

export interface Queue {
  id: string;
  slug: string;
  name: string;
  restricted: boolean;
}

export interface SlaClock {
  kind: string;
  dueAt: string | null;
  state: string;
  remainingMs: number | null;
}

export interface TriageHit {
  category: string;
  level: number;
  language: string | null;
  /** The matched phrase (≤ 120 characters), text; null for a metadata-only reader. */
  evidence: string | null;
  dismissed: boolean;
}

export interface Triage {
  level: number;
  categories: TriageHit[];
}

export type TicketStatus = 'open' | 'pending' | 'resolved' | 'closed';
export const TICKET_STATUSES: readonly TicketStatus[] = ['open', 'pending', 'resolved', 'closed'];
export type TicketPriority = 'low' | 'normal' | 'high' | 'emergency';
export const TICKET_PRIORITIES: readonly TicketPriority[] = ['low', 'normal', 'high', 'emergency'];

export interface TicketSummary {
  id: string;
  number: string;
  subject: string | null;
  status: TicketStatus;
  priority: string;
  queue: { slug: string; name: string };
  requester: Address | null;
  updatedAt: string;
  sla: SlaClock[];
  language: string | null;
  triage: Triage;
  assignee: UserRef | null;
}

export interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  /** An image or a video (declared or sniffed). */
  media: boolean;
  /** On a hash list: never downloadable here. */
  blocked: boolean;
  stored: boolean;
}

/** Where a mail we send is (`article.delivery`): queued → sending → sent | failed. */
export interface Delivery {
  state: 'queued' | 'sending' | 'sent' | 'failed' | string;
  /** SMTP attempts so far. */
  attempts: number;
  /** The last attempt's error; once sent, recipients the server refused. */
  lastError: string | null;
  sentAt: string | null;
  nextAttemptAt?: string | null;
  locale?: string | null;
}

export interface Article {
  id: string;
  direction: 'inbound' | 'outbound' | 'note' | string;
  from: Address | null;
  subject: string;
  text: string;
  html: string | null;
  createdAt: string;
  systemNote: boolean;
  delivery: Delivery | null;
  author: UserRef | null;
  attachments: Attachment[];
  /** `unknown_sender`: a follow-up from someone who is not a participant of the ticket. */
  flagged: 'unknown_sender' | null;
  /** Remote images its HTML holds, withheld until a reader asks (0 in a restricted queue). */
  remoteImages: number;
}

export interface TicketDetail extends TicketSummary {
  /** A restricted queue's ticket: its HTML carries no image, and the frame loads none either. */
  mediaWithheld: boolean;
  articles: Article[];
  tags: string[];
  /** Others whose presence heartbeat on the ticket is live (the caller too, when their page sent one). */
  viewers: { user: UserRef; state: 'viewing' | 'replying' | string; since: string }[];
}

export interface Session {
  user: { id: string; email: string; role: string };
  expiresAt: string;
}
