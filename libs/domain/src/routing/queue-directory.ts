import { MAX_RECIPIENTS_CONSIDERED, type RecipientFacts } from './mail-facts.js';

/** What a follow-up from someone who is not a participant of the ticket does. */
export const UNKNOWN_SENDER_FOLLOWUPS = ['flag', 'new_ticket'] as const;
export type UnknownSenderFollowup = (typeof UNKNOWN_SENDER_FOLLOWUPS)[number];

/** Queues routing files mail into by itself, never by address. */
export const SYSTEM_QUEUE_ROLES = ['spam', 'postmaster'] as const;
export type SystemQueueRole = (typeof SYSTEM_QUEUE_ROLES)[number];

export const DEFAULT_REOPEN_WINDOW_DAYS = 30;
/** SpamAssassin's default required score. */
export const DEFAULT_SPAM_SCORE_THRESHOLD = 5;

/** A queue's routing settings. */
export interface QueueRoutingSettings {
  /** `flag`: attach the mail as a flagged article; `new_ticket`: open a new ticket linked to it. */
  unknownSenderFollowup: UnknownSenderFollowup;
  /** A resolved ticket older than this opens a new linked ticket instead of reopening. */
  reopenWindowDays: number;
  /** An `X-Spam-Score` above it files the mail as spam; null: the score is not looked at. */
  spamScoreThreshold: number | null;
}

/** A queue as routing sees it. */
export interface QueueRouting {
  id: string;
  /** The primary address first; lower-cased. */
  addresses: readonly string[];
  role: SystemQueueRole | null;
  settings: QueueRoutingSettings;
}

/** How the queue of a new ticket was found. */
export type QueueChoice =
  | { by: 'envelope' | 'delivered-to' | 'to' | 'cc'; address: string; queueId: string }
  | { by: 'mailbox' | 'default'; address: null; queueId: string };

/**
 * Every queue of the deployment, looked up by id and by address. The system queues (spam,
 * postmaster) are never matched by address: a mail cannot file itself into them.
 */
export class QueueDirectory {
  private readonly byId: ReadonlyMap<string, QueueRouting>;
  private readonly byAddress: ReadonlyMap<string, string>;
  private readonly own: ReadonlySet<string>;

  constructor(
    readonly queues: readonly QueueRouting[],
    /** The default queue: where mail goes that names no queue and whose mailbox has none. */
    readonly defaultQueueId: string,
  ) {
    this.byId = new Map(queues.map((queue) => [queue.id, queue]));
    const byAddress = new Map<string, string>();
    for (const queue of queues) {
      if (queue.role !== null) continue;
      // The default queue wins an address two queues claim (the API refuses that; old data may not).
      for (const address of queue.addresses) if (!byAddress.has(address) || queue.id === defaultQueueId) byAddress.set(address, queue.id);
    }
    this.byAddress = byAddress;
    this.own = new Set(queues.flatMap((queue) => queue.addresses));
    if (!this.byId.has(defaultQueueId)) throw new RangeError(`default queue ${defaultQueueId} is not among the queues`);
  }

  get(id: string): QueueRouting | undefined {
    return this.byId.get(id);
  }

  /** The queue of this id, else the default queue (a queue deleted meanwhile, a rule naming a stale id). */
  require(id: string | null): QueueRouting {
    return (id !== null ? this.byId.get(id) : undefined) ?? this.byId.get(this.defaultQueueId)!;
  }

  /** The system queue of this role; the router creates them before it decides. */
  system(role: SystemQueueRole): QueueRouting {
    const queue = this.queues.find((q) => q.role === role);
    if (!queue) throw new RangeError(`the ${role} queue is missing`);
    return queue;
  }

  /** Whether mail from this address is our own (any address of any queue). */
  isOwnAddress(address: string | null): boolean {
    return address !== null && this.own.has(address);
  }

  /**
   * The queue a mail is addressed to: the envelope recipient (what the mail server delivered
   * to), then Delivered-To, To and Cc, each list in order and capped; else the mailbox's
   * queue, else the default.
   */
  choose(recipients: RecipientFacts, mailboxQueueId: string | null): QueueChoice {
    const lists = [
      ['envelope', recipients.envelope],
      ['delivered-to', recipients.deliveredTo],
      ['to', recipients.to],
      ['cc', recipients.cc],
    ] as const;
    for (const [by, addresses] of lists) {
      for (const address of addresses.slice(0, MAX_RECIPIENTS_CONSIDERED)) {
        const queueId = this.byAddress.get(address);
        if (queueId) return { by, address, queueId };
      }
    }
    if (mailboxQueueId !== null && this.byId.has(mailboxQueueId)) return { by: 'mailbox', address: null, queueId: mailboxQueueId };
    return { by: 'default', address: null, queueId: this.defaultQueueId };
  }
}
