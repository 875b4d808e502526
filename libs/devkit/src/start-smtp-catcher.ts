import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { freePort } from './free-port.js';

export interface CaughtMail {
  envelopeFrom: string;
  envelopeTo: string[];
  raw: Buffer;
  /** Lower-case header name -> raw value of its first occurrence (after the colon, trimmed). */
  headers: Map<string, string>;
  subject: string;
  messageId: string | null;
  text: string;
  receivedAt: Date;
}

export interface SmtpCatcher {
  host: string;
  port: number;
  messages: CaughtMail[];
  /** Resolves with the first caught (or future) message matching the predicate. */
  waitFor(predicate: (m: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  stop(): Promise<void>;
  onMessage?: (m: CaughtMail) => void;
}

export interface StartSmtpCatcherOptions {
  port?: number;
  /** Each raw message is also written here as <timestamp>-<n>.eml. */
  saveDir?: string;
  onMessage?: (m: CaughtMail) => void;
  /**
   * false: keep the raw bytes and envelope only (headers, subject, text left empty), for
   * benchmarks, where parsing every caught mail would bill the suite for the far end's work.
   */
  parse?: boolean;
  /**
   * Hands each caught mail on (same envelope, same bytes) before answering 250, e.g. to a private
   * Dovecot's LMTP so a stakeholder's mailbox receives what Casework sends; a failed hand-on is
   * the sender's 4xx/5xx, so it retries as it would with a real relay.
   */
  relay?: { host: string; port: number; lmtp?: boolean };
}

interface Waiter {
  predicate: (m: CaughtMail) => boolean;
  resolve: (m: CaughtMail) => void;
  reject: (error: unknown) => void;
}

const HOST = '127.0.0.1';

/** An SMTP server that accepts any mail (any or no auth, no TLS) and keeps it for assertions. */
export async function startSmtpCatcher(opts: StartSmtpCatcherOptions = {}): Promise<SmtpCatcher> {
  const port = opts.port ?? (await freePort());
  if (opts.saveDir !== undefined) await mkdir(opts.saveDir, { recursive: true });
  const messages: CaughtMail[] = [];
  const waiters = new Set<Waiter>();
  let saved = 0;

  const catcher: SmtpCatcher = {
    host: HOST,
    port,
    messages,
    onMessage: opts.onMessage,
    waitFor: (predicate, timeoutMs = 10000) => waitFor(messages, waiters, predicate, timeoutMs),
    stop: () =>
      new Promise<void>((resolve) => server.close(() => resolve())).finally(() => {
        relay?.close();
      }),
  };

  const relay = opts.relay ? nodemailer.createTransport({ host: opts.relay.host, port: opts.relay.port, lmtp: opts.relay.lmtp ?? false, secure: false, ignoreTLS: true }) : null;

  const accept = async (stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> => {
    const raw = await readAll(stream);
    if (relay) {
      const { envelopeFrom, envelopeTo } = envelopeOf(session);
      await relay.sendMail({ envelope: { from: envelopeFrom, to: envelopeTo }, raw });
    }
    const mail = opts.parse === false ? unparsedMail(raw, session) : await toCaughtMail(raw, session);
    messages.push(mail);
    if (opts.saveDir !== undefined) {
      saved += 1;
      await writeFile(join(opts.saveDir, `${mail.receivedAt.getTime()}-${saved}.eml`), raw);
    }
    for (const waiter of [...waiters]) {
      let matches: boolean;
      try {
        matches = waiter.predicate(mail);
      } catch (error) {
        waiters.delete(waiter);
        waiter.reject(error);
        continue;
      }
      if (matches) {
        waiters.delete(waiter);
        waiter.resolve(mail);
      }
    }
    catcher.onMessage?.(mail);
  };

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    // Clients configured with credentials may still AUTH over plaintext.
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Pooled client connections must not hold stop() for the default 30 s.
    closeTimeout: 500,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anonymous' }),
    onData: (stream, session, callback) => {
      accept(stream, session).then(
        () => callback(),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Later socket errors (a client resetting) must not crash the test process.
  server.on('error', () => undefined);
  return catcher;
}

function waitFor(
  messages: CaughtMail[],
  waiters: Set<Waiter>,
  predicate: (m: CaughtMail) => boolean,
  timeoutMs: number,
): Promise<CaughtMail> {
  const existing = messages.find(predicate);
  if (existing) return Promise.resolve(existing);
  return new Promise<CaughtMail>((resolve, reject) => {
    const timer = setTimeout(() => {
      waiters.delete(waiter);
      const seen = messages.map((m) => `"${m.subject}" to ${m.envelopeTo.join(', ')}`).join('; ') || 'none';
      reject(new Error(`no caught mail matched within ${timeoutMs} ms (caught ${messages.length}: ${seen})`));
    }, timeoutMs);
    const waiter: Waiter = {
      predicate,
      resolve: (m) => {
        clearTimeout(timer);
        resolve(m);
      },
      reject: (error) => {
        clearTimeout(timer);
        reject(error);
      },
    };
    waiters.add(waiter);
  });
}

async function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function unparsedMail(raw: Buffer, session: SMTPServerSession): CaughtMail {
  return { ...envelopeOf(session), raw, headers: new Map(), subject: '', messageId: null, text: '', receivedAt: new Date() };
}

function envelopeOf(session: SMTPServerSession): Pick<CaughtMail, 'envelopeFrom' | 'envelopeTo'> {
  const { mailFrom, rcptTo } = session.envelope;
  return { envelopeFrom: mailFrom === false ? '' : mailFrom.address, envelopeTo: rcptTo.map((r) => r.address) };
}

async function toCaughtMail(raw: Buffer, session: SMTPServerSession): Promise<CaughtMail> {
  const parsed = await simpleParser(raw);
  const headers = new Map<string, string>();
  for (const { key, line } of parsed.headerLines) {
    const name = key.toLowerCase();
    if (headers.has(name)) continue;
    const colon = line.indexOf(':');
    headers.set(name, (colon === -1 ? '' : line.slice(colon + 1)).trim());
  }
  return {
    ...envelopeOf(session),
    raw,
    headers,
    subject: parsed.subject ?? '',
    messageId: parsed.messageId ?? null,
    text: parsed.text ?? '',
    receivedAt: new Date(),
  };
}
