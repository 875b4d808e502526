import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import DKIM from 'nodemailer/lib/dkim';
import MailComposer from 'nodemailer/lib/mail-composer';
export interface DkimOptions {
  /** The d= domain: the one the selector's TXT record is published under. */
  domain: string;
  selector: string;
  /** PEM. */
  privateKey: string;
}

export interface SmtpOptions {
  host: string;
  port: number;
  tls: boolean;
  user?: string;
  password?: string;
  /** Sign every message (nodemailer's DKIM signer, run here on the raw message). */
  dkim?: DkimOptions | null;
}

export interface MailAddress {
  email: string;
  name: string | null;
}

export interface OutgoingMail {
  from: string;
  to: MailAddress;
  cc?: MailAddress[];
  replyTo?: string;
  subject: string;
  text: string;
  html?: string | null;
  /** Without angle brackets; fixed before the first attempt so a resend repeats it. */
  messageId: string;
  inReplyTo?: string | null;
  references?: string[];
  headers?: Record<string, string>;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

/**
 * The server took the message; `rejected`: recipients it refused while taking it for the others;
 * `raw`: the exact bytes handed to the server (DKIM signature included), what the recipients got.
 */
export interface SmtpAcceptance {
  rejected: string[];
  raw: Buffer;
}

/**
 * Why the server did not take a message: its reply code (null without one: no connection, a
 * timeout) and a bounded description (the server's reply or the socket error; never the message).
 */
export class SmtpSendError extends Error {
  override name = 'SmtpSendError';

  constructor(
    readonly responseCode: number | null,
    message: string,
  ) {
    super(message.slice(0, 500));
  }

  static of(error: unknown): SmtpSendError {
    if (error instanceof SmtpSendError) return error;
    const e = (error ?? {}) as { responseCode?: number; response?: string; code?: string; message?: string; rejectedErrors?: { responseCode?: number; response?: string }[] };
    const first = e.rejectedErrors?.[0];
    const responseCode = e.responseCode ?? first?.responseCode ?? null;
    const reply = (e.response ?? first?.response ?? '').replace(/\s+/g, ' ').trim();
    const described = reply || e.message || String(error);
    return new SmtpSendError(responseCode, e.code && !described.includes(e.code) ? `${e.code}: ${described}` : described);
  }
}

/** Sends mail over SMTP; throws SmtpSendError when the server does not take it. */
export class SmtpMailer {
  private readonly transport: Transporter;
  private readonly dkim: DKIM | null;

  constructor(options: SmtpOptions) {
    // Signed here, not by the transport, so the bytes signed are the bytes kept (SmtpAcceptance.raw).
    this.dkim = options.dkim ? new DKIM({ domainName: options.dkim.domain, keySelector: options.dkim.selector, privateKey: options.dkim.privateKey }) : null;
    this.transport = nodemailer.createTransport({
      host: options.host,
      port: options.port,
      secure: options.tls,
      // A pool reuses connections: a burst of breaches or acknowledgements is not one
      // TCP and SMTP handshake per mail. Concurrent sends share these connections (more
      // queue); a connection is renewed after 100 messages, a cap many providers enforce.
      pool: true,
      maxConnections: 5,
      maxMessages: 100,
      auth: options.user ? { user: options.user, pass: options.password ?? '' } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  /** From the validated SMTP_* (and DKIM_*) settings of a service. */
  static fromSettings(settings: { SMTP_HOST: string; SMTP_PORT: number; SMTP_TLS: boolean; SMTP_USER?: string; SMTP_PASSWORD?: string; dkim?: DkimOptions | null }): SmtpMailer {
    return new SmtpMailer({ host: settings.SMTP_HOST, port: settings.SMTP_PORT, tls: settings.SMTP_TLS, user: settings.SMTP_USER, password: settings.SMTP_PASSWORD, dkim: settings.dkim });
  }

  async send(mail: OutgoingMail): Promise<SmtpAcceptance> {
    try {
      // Built to one buffer first, then sent raw: the DATA goes out in a few writes instead of one per
      // MIME line (half the CPU of a send, in bench:outbound). The transport sends these bytes as they are.
      const composedRaw = wireForm(await new MailComposer(composed(mail)).compile().build());
      const raw = this.dkim ? await buffered(this.dkim.sign(composedRaw)) : composedRaw;
      const info = await this.transport.sendMail({ envelope: { from: mail.from, to: [mail.to, ...(mail.cc ?? [])].map((address) => address.email) }, raw });
      return { rejected: (info.rejected ?? []).map((address: string | { address: string }) => (typeof address === 'string' ? address : address.address)), raw };
    } catch (error) {
      throw SmtpSendError.of(error);
    }
  }

  close(): void {
    this.transport.close();
  }
}

const BARE_CR_OR_LF = /\r(?!\n)|(?<!\r)\n/g;

/**
 * The message as the SMTP DATA carries it: every bare CR or LF a CRLF, ending with CRLF (what
 * nodemailer's data stream makes of it on the way out, so the kept bytes are the received ones).
 */
export function wireForm(raw: Buffer): Buffer {
  const text = raw.toString('latin1');
  BARE_CR_OR_LF.lastIndex = 0;
  const normalized = BARE_CR_OR_LF.test(text) ? text.replace(BARE_CR_OR_LF, '\r\n') : text;
  if (normalized === text && text.endsWith('\r\n')) return raw;
  return Buffer.from(normalized.endsWith('\r\n') ? normalized : `${normalized}\r\n`, 'latin1');
}

async function buffered(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** The message as nodemailer composes it. */
function composed(mail: OutgoingMail): SendMailOptions {
  return {
    from: mail.from,
    to: recipient(mail.to),
    cc: mail.cc?.length ? mail.cc.map(recipient) : undefined,
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? undefined,
    messageId: `<${mail.messageId}>`,
    inReplyTo: mail.inReplyTo ? `<${mail.inReplyTo}>` : undefined,
    references: mail.references?.length ? mail.references.map((id) => `<${id}>`).join(' ') : undefined,
    headers: mail.headers,
    attachments: mail.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
  };
}

// nodemailer encodes a name given apart (RFC 2047) and quotes it as needed.
function recipient(address: MailAddress): string | { address: string; name: string } {
  return address.name ? { address: address.email, name: address.name } : address.email;
}

/** The domain part of an address, for Message-IDs we mint on its behalf. */
export function domainOfAddress(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1) || 'casework.localhost';
}
