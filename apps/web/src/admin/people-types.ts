/** The shapes of /users, /tokens, /queues and /mailboxes the admin pages read (see apps/api DTOs). */
export const ROLES = ['admin', 'lead', 'specialist', 'ops'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string;
  timeZone: string;
  disabled: boolean;
  createdAt: string;
  lastSeenAt: string | null;
}

/** A token as listed: never its secret. */
export interface Token {
  id: string;
  name: string;
  expiresAt: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

/** The answer to issuing a token: the only time `token` (the secret) is ever sent. */
export interface CreatedToken {
  id: string;
  name: string;
  token: string;
  expiresAt: string | null;
  createdAt: string;
}

export interface AdminQueue {
  id: string;
  slug: string;
  name: string;
  address: string;
  opsEmails: string[];
  restricted: boolean;
  addresses: string[];
  /** spam, postmaster: filed into by routing itself, never by address. */
  role: string | null;
  emergency: boolean;
  /** A follow-up from a non-participant: attached flagged, or a new linked ticket. */
  unknownSenderFollowup: UnknownSenderFollowup;
  reopenWindowDays: number;
  /** null: X-Spam-Score is not looked at. */
  spamScoreThreshold: number | null;
  /** One of the template locales; null: English. */
  defaultLocale: string | null;
  /** IANA zone of the dates in its mail; null: UTC. */
  timeZone: string | null;
  /** null: closed tickets are kept. */
  retentionDays: number | null;
  autoAssign: boolean;
  maxOpenPerAssignee: number;
}

/** Mirrors libs/domain's UNKNOWN_SENDER_FOLLOWUPS, which the page does not import. */
export const UNKNOWN_SENDER_FOLLOWUPS = ['flag', 'new_ticket'] as const;
export type UnknownSenderFollowup = (typeof UNKNOWN_SENDER_FOLLOWUPS)[number];

export const GRANT_LEVELS = ['read', 'write'] as const;
export type GrantLevel = (typeof GRANT_LEVELS)[number];

export interface QueueGrant {
  userId: string;
  level: GrantLevel;
}

/** A mailbox as the API shows it: never its password (`passwordStored` only says whether one is kept). */
export interface Mailbox {
  id: string;
  address: string;
  imapHost: string;
  imapPort: number;
  imapTls: boolean;
  imapUser: string;
  folder: string;
  queue: { id: string; slug: string } | null;
  afterCommit: string;
  enabled: boolean;
  passwordStored: boolean;
  createdAt: string;
  updatedAt: string;
}

export const MAILBOX_STATES = ['idle', 'catching-up', 'connecting', 'error', 'unheld', 'disabled'] as const;
export type MailboxState = (typeof MAILBOX_STATES)[number];

export interface MailboxStatus {
  state: MailboxState;
  holder: string | null;
  lagMessages: number | null;
  catchUpTotal: number | null;
  lastUid: number | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** The holder's last heartbeat: when ingest was last seen on the mailbox. */
  leaseRenewedAt: string | null;
}

export interface Items<T> {
  items: T[];
}

/** Query keys of the admin pages (the list and edit views of one kind share them). */
export const USERS_KEY = ['admin', 'users'] as const;
export const tokensKey = (userId: string) => ['admin', 'users', userId, 'tokens'] as const;
export const QUEUES_KEY = ['admin', 'queues'] as const;
export const grantsKey = (queueId: string) => ['admin', 'queues', queueId, 'access'] as const;
export const MAILBOXES_KEY = ['admin', 'mailboxes'] as const;
export const mailboxStatusKey = (id: string) => ['admin', 'mailboxes', id, 'status'] as const;
