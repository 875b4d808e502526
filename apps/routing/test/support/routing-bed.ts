import { Subjects } from '@casework/contracts';
import { ManagedMailboxRepository, RawMessageRepository } from '@casework/database';
import { envelope, IntegrationBed, sha256 } from '@casework/devkit';

const CONSUMER = 'routing_casework_mail_received';

/** A raw message from header lines and a body, CRLF. */
export function mail(headers: string[], body = 'Hello.'): Buffer {
  return Buffer.from([...headers, '', body, ''].join('\r\n'));
}

/** A private database and NATS with the built routing process, and mail delivered as ingest delivers it. */
export class RoutingBed {
  private uid = 0;
  private readonly rawMessages = new RawMessageRepository();

  private constructor(
    readonly bed: IntegrationBed,
    readonly mailboxId: string,
  ) {}

  static async start(): Promise<RoutingBed> {
    const bed = await IntegrationBed.start();
    const mailbox = await new ManagedMailboxRepository().upsertBootstrap(bed.ds, { address: 'safety@casework.test', imapHost: '127.0.0.1', imapPort: 143, imapUser: 'casework', folder: 'INBOX' });
    await bed.startWorker('routing', bed.baseEnv());
    return new RoutingBed(bed, mailbox.id);
  }

  get ds() {
    return this.bed.ds;
  }

  /**
   * Stores the raw message (fetched over IMAP, or pushed over SMTP to `envelopeTo`), publishes
   * its mail.received and waits until routing acked it. Returns the raw message's id.
   */
  async route(source: Buffer, options: { envelopeTo?: string[] } = {}): Promise<string> {
    const rawMessageId = await this.store(source, options);
    const ack = await this.publish(rawMessageId);
    await this.bed.waitForConsumer(CONSUMER, ack.seq);
    return rawMessageId;
  }

  /** Publishes a stored message's mail.received (as ingest does after storing it). */
  publish(rawMessageId: string): Promise<{ seq: number }> {
    return this.bed.publish(envelope(Subjects.MailReceived, { rawMessageId, mailboxId: this.mailboxId }));
  }

  /** Waits until routing acked every event up to this stream sequence. */
  waitForRouting(streamSeq: number, timeoutMs?: number): Promise<void> {
    return this.bed.waitForConsumer(CONSUMER, streamSeq, timeoutMs);
  }

  /** Stores the raw message as ingest does (its Message-ID read from the header, when given) without announcing it. */
  async store(source: Buffer, options: { envelopeTo?: string[]; messageId?: string } = {}): Promise<string> {
    this.uid += 1;
    const smtp = options.envelopeTo !== undefined;
    const rawMessageId = await this.rawMessages.insertFromSource(this.bed.ds, {
      mailboxId: this.mailboxId,
      source: smtp ? 'smtp' : 'imap',
      uidValidity: smtp ? null : 1n,
      uid: smtp ? null : BigInt(this.uid),
      envelopeFrom: smtp ? 'sender@example.org' : null,
      envelopeTo: options.envelopeTo ?? null,
      sha256: sha256(source),
      messageId: options.messageId ?? null,
      raw: source,
    });
    if (!rawMessageId) throw new Error('raw message not inserted');
    return rawMessageId;
  }

  /** The one article of a raw message, with its ticket's queue slug and status. */
  async articleOf(rawMessageId: string): Promise<{ id: string; ticket_id: string; direction: string; flagged: string | null; system_note: string | null; automated: boolean; queue: string; status: string }> {
    const rows = await this.ds.query(
      `SELECT a.id, a.ticket_id, a.direction, a.flagged, a.system_note, a.automated, q.slug AS queue, t.status
         FROM article a JOIN ticket t ON t.id = a.ticket_id JOIN queue q ON q.id = t.queue_id WHERE a.raw_message_id = $1`,
      [rawMessageId],
    );
    if (rows.length !== 1) throw new Error(`raw message ${rawMessageId} has ${rows.length} articles`);
    return rows[0];
  }

  async history(ticketId: string): Promise<{ kind: string; details: Record<string, unknown> }[]> {
    return this.ds.query(`SELECT kind, details FROM ticket_history WHERE ticket_id = $1 ORDER BY created_at, id`, [ticketId]);
  }

  async ticketCount(): Promise<number> {
    const [{ count }] = await this.ds.query('SELECT count(*)::int AS count FROM ticket');
    return count;
  }

  async ticket(id: string): Promise<{ id: string; number: string; status: string; queue: string; linked_ticket_id: string | null; link_reason: string | null; intended_queue: string | null; spam_signals: string[] | null }> {
    const [row] = await this.ds.query(
      `SELECT t.id, t.number, t.status, q.slug AS queue, t.linked_ticket_id, t.link_reason, iq.slug AS intended_queue, t.spam_signals
         FROM ticket t JOIN queue q ON q.id = t.queue_id LEFT JOIN queue iq ON iq.id = t.intended_queue_id WHERE t.id = $1`,
      [id],
    );
    return row;
  }

  stop(): Promise<void> {
    return this.bed.stop();
  }
}
