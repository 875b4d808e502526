import { parentPort } from 'node:worker_threads';
import { MailParseError, type MailParseReason } from './mail-parse-error.js';
import { parseMail } from './parse-mail.js';
import type { ParsedMail } from './parsed-mail.js';
import { toWireMail, type WireMail } from './parsed-mail-wire.js';

/** What `MailParserPool` posts to a worker: one message's bytes (a transferred copy); several may be queued. */
export interface ParseRequest {
  type: 'parse';
  id: number;
  raw: Uint8Array;
  maxBytes: number;
}

/** What a worker posts back: `ready` once after start-up, then one `result` per request. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'result'; id: number; ok: true; mail: WireMail }
  | { type: 'result'; id: number; ok: false; reason: MailParseReason; message: string };

export type ParseFunction = (raw: Buffer, opts: { maxBytes: number }) => Promise<ParsedMail>;

/**
 * The body of a parser worker thread: answers the pool's requests with `parse` (by default
 * `parseMail`). A worker file only calls this; tests pass their own `parse` to simulate a
 * parser that hangs or crashes.
 */
export function serveMailParser(parse: ParseFunction = parseMail): void {
  const port = parentPort;
  if (!port) throw new Error('serveMailParser() runs inside a worker thread started by MailParserPool');
  // One parse at a time, in arrival order: the pool times the oldest unanswered request.
  const waiting: ParseRequest[] = [];
  let busy = false;
  const work = async () => {
    busy = true;
    for (let request = waiting.shift(); request; request = waiting.shift()) port.postMessage(await answer(request, parse));
    busy = false;
  };
  port.on('message', (request: ParseRequest) => {
    waiting.push(request);
    if (!busy) void work();
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
}

async function answer(request: ParseRequest, parse: ParseFunction): Promise<WorkerReply> {
  const raw = Buffer.from(request.raw.buffer, request.raw.byteOffset, request.raw.byteLength);
  try {
    const mail = await parse(raw, { maxBytes: request.maxBytes });
    return { type: 'result', id: request.id, ok: true, mail: toWireMail(mail) };
  } catch (error) {
    if (error instanceof MailParseError) return { type: 'result', id: request.id, ok: false, reason: error.reason, message: error.message };
    // parseMail throws nothing else; anything that does is a parser bug, not the message's fault alone.
    return { type: 'result', id: request.id, ok: false, reason: 'parser-crashed', message: `parser crashed: ${describe(error)}` };
  }
}

function describe(error: unknown): string {
  // Duck-typed: an error from a worker is deserialized in the main realm, another realm than a test VM's.
  const { name, message } = (error ?? {}) as Partial<Error>;
  if (typeof message !== 'string') return String(error);
  return !name || name === 'Error' ? message : `${name}: ${message}`;
}
