import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { MailParseError } from './mail-parse-error.js';
import type { ParseRequest, WorkerReply } from './mail-parser-worker.js';
import { DEFAULT_MAX_MAIL_BYTES } from './parse-mail.js';
import type { ParsedMail } from './parsed-mail.js';
import { fromWireMail } from './parsed-mail-wire.js';

export const DEFAULT_PARSE_TIMEOUT_MS = 10_000;
export const DEFAULT_PARSER_HEAP_MB = 1024;
/**
 * Messages handed to one worker ahead of its answers. A worker parses them one after another;
 * queueing a few spares each message a round trip between threads, which cost about a third
 * of the CPU of a parse when the worker sat idle between messages.
 */
export const DEFAULT_PARSER_PIPELINE_DEPTH = 8;

export interface MailParserPoolOptions {
  /** Worker threads; default min(2, available CPUs). */
  workers?: number;
  /** Wall-clock budget of one parse, counted from the moment a worker takes the message. */
  timeoutMs?: number;
  /** Larger messages are refused ('too-large') without reaching a worker. */
  maxBytes?: number;
  /** V8 heap limit per worker: a parse that needs more kills its worker ('parser-crashed'), not the process. */
  maxHeapMb?: number;
  /** Messages queued at one worker at a time (default 8); 1 hands it the next only after an answer. */
  pipelineDepth?: number;
  /** The worker module; default the built-in parse-mail.worker.js. Tests pass one that hangs or crashes. */
  workerUrl?: URL;
}

interface Job {
  id: number;
  raw: Buffer;
  resolve: (mail: ParsedMail) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Set by the worker's `ready` message: until then a death is a start-up failure, not a message's fault. */
  ready: boolean;
  /** Handed to the worker, in order: it parses the first (its budget is running), the others wait. */
  jobs: Job[];
  timer: NodeJS.Timeout | null;
  /** Retired (timed out, crashed, closed): its late messages and exit are ignored. */
  gone: boolean;
}

/**
 * Runs `parseMail` in worker threads so no message can stall the caller's event loop: mailparser
 * has inputs that keep it busy for minutes. Messages are queued in order; each worker holds up
 * to `pipelineDepth` of them and parses one at a time.
 *
 * A parse past `timeoutMs` terminates its worker (it may be spinning) and rejects with
 * `MailParseError` 'timeout'; a worker that dies mid-parse rejects with 'parser-crashed'. Only
 * the message being parsed is blamed: the ones queued behind it at that worker go to another.
 * Input over `maxBytes` is rejected with 'too-large' before it reaches a worker. Lost workers are
 * replaced. Failures that are not the message's fault — a worker that cannot start, a closed
 * pool — reject with a plain `Error`, so callers retry instead of quarantining.
 */
export class MailParserPool {
  readonly size: number;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  private readonly maxHeapMb: number;
  private readonly pipelineDepth: number;
  private readonly workerUrl: URL;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextJobId = 1;
  private closing: Promise<void> | null = null;

  constructor(options: MailParserPoolOptions = {}) {
    this.size = options.workers ?? Math.min(2, availableParallelism());
    this.timeoutMs = options.timeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_MAIL_BYTES;
    this.maxHeapMb = options.maxHeapMb ?? DEFAULT_PARSER_HEAP_MB;
    this.pipelineDepth = options.pipelineDepth ?? DEFAULT_PARSER_PIPELINE_DEPTH;
    this.workerUrl = options.workerUrl ?? new URL('./parse-mail.worker.js', import.meta.url);
    if (!Number.isInteger(this.size) || this.size < 1) throw new RangeError(`workers must be a positive integer, got ${this.size}`);
    if (!Number.isFinite(this.timeoutMs) || this.timeoutMs <= 0) throw new RangeError(`timeoutMs must be a positive number, got ${this.timeoutMs}`);
    if (!Number.isFinite(this.maxBytes) || this.maxBytes < 0) throw new RangeError(`maxBytes must be a non-negative number, got ${this.maxBytes}`);
    if (!Number.isInteger(this.pipelineDepth) || this.pipelineDepth < 1) throw new RangeError(`pipelineDepth must be a positive integer, got ${this.pipelineDepth}`);
    this.replenish();
  }

  /** Parses one raw message; rejects with `MailParseError` when the message is at fault. */
  parse(raw: Buffer): Promise<ParsedMail> {
    if (this.closing) return Promise.reject(new Error('mail parser pool is closed'));
    if (raw.length > this.maxBytes) {
      return Promise.reject(new MailParseError('too-large', `message is ${raw.length} bytes, over the ${this.maxBytes}-byte limit`));
    }
    return new Promise<ParsedMail>((resolve, reject) => {
      this.queue.push({ id: this.nextJobId++, raw, resolve, reject });
      this.replenish();
      this.dispatch();
    });
  }

  /** Rejects queued and running parses (plain `Error`) and stops every worker. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const closed = new Error('mail parser pool is closed');
      for (const job of this.queue.splice(0)) job.reject(closed);
      const stopped = [...this.slots].map((slot) => {
        const jobs = slot.jobs;
        const terminated = this.retire(slot);
        for (const job of jobs) job.reject(closed);
        return terminated;
      });
      await Promise.all(stopped);
    })();
    return this.closing;
  }

  /** Starts workers up to `size`. */
  private replenish(): void {
    while (!this.closing && this.slots.size < this.size) this.spawn();
    this.updateRefs();
  }

  private spawn(): void {
    const worker = new Worker(this.workerUrl, { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
    const slot: Slot = { worker, ready: false, jobs: [], timer: null, gone: false };
    this.slots.add(slot);
    worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
    worker.on('messageerror', (error) => this.onDeath(slot, `its reply could not be read (${error.message})`));
    worker.on('error', (error) => this.onDeath(slot, describe(error)));
    worker.on('exit', (code) => this.onDeath(slot, `worker exited with code ${code}`));
  }

  /** Fills the least loaded workers first, so a second worker shares a short queue. */
  private dispatch(): void {
    const open = [...this.slots].filter((slot) => slot.ready && !slot.gone);
    while (this.queue.length > 0) {
      const slot = open.reduce<Slot | null>((best, candidate) => (!best || candidate.jobs.length < best.jobs.length ? candidate : best), null);
      if (!slot || slot.jobs.length >= this.pipelineDepth) break;
      this.run(slot, this.queue.shift()!);
    }
    this.updateRefs();
  }

  private run(slot: Slot, job: Job): void {
    slot.jobs.push(job);
    // A private copy the worker owns outright: the caller's Buffer may share a pooled ArrayBuffer.
    const copy = new Uint8Array(job.raw.byteLength);
    copy.set(job.raw);
    if (slot.jobs.length === 1) this.startBudget(slot);
    const request: ParseRequest = { type: 'parse', id: job.id, raw: copy, maxBytes: this.maxBytes };
    slot.worker.postMessage(request, [copy.buffer]);
  }

  /** The budget of the slot's first job: the worker starts on it as soon as it answered the one before. */
  private startBudget(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => this.onTimeout(slot), this.timeoutMs);
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    if (slot.gone) return;
    if (reply.type === 'ready') {
      slot.ready = true;
      this.dispatch();
      return;
    }
    const job = slot.jobs[0];
    if (!job || job.id !== reply.id) return;
    slot.jobs.shift();
    if (slot.jobs.length > 0) this.startBudget(slot);
    else this.release(slot);
    if (!reply.ok) job.reject(new MailParseError(reply.reason, reply.message));
    else {
      try {
        job.resolve(fromWireMail(reply.mail));
      } catch (error) {
        job.reject(new MailParseError('parser-crashed', `parser crashed: its result was malformed (${describe(error)})`, { cause: error }));
      }
    }
    this.dispatch();
  }

  private onTimeout(slot: Slot): void {
    const [job, ...waiting] = slot.jobs;
    if (!job || slot.gone) return;
    // terminate() stops even a worker spinning in a synchronous loop.
    void this.retire(slot);
    this.queue.unshift(...waiting);
    job.reject(new MailParseError('timeout', `parser timed out after ${this.timeoutMs} ms`));
    this.replenish();
    this.dispatch();
  }

  private onDeath(slot: Slot, detail: string): void {
    if (slot.gone) return;
    const [job, ...waiting] = slot.jobs;
    const { ready } = slot;
    void this.retire(slot);
    this.queue.unshift(...waiting);
    if (job) job.reject(new MailParseError('parser-crashed', `parser crashed: ${detail}`));
    if (ready) this.replenish();
    else if (this.slots.size === 0) {
      // No worker ever came up (a broken install, a bad workerUrl): not the messages' fault.
      // Nothing is respawned until the next parse(), so this cannot spin.
      const failed = new Error(`mail parser worker could not start: ${detail}`);
      for (const waiting of this.queue.splice(0)) waiting.reject(failed);
    }
    this.dispatch();
  }

  private release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }

  private retire(slot: Slot): Promise<void> {
    slot.gone = true;
    this.slots.delete(slot);
    this.release(slot);
    slot.jobs = [];
    return slot.worker.terminate().then(
      () => undefined,
      () => undefined,
    );
  }

  /** Idle workers never keep the process alive; busy ones and ones awaited at start-up do. */
  private updateRefs(): void {
    for (const slot of this.slots) {
      if (slot.jobs.length > 0 || (!slot.ready && this.queue.length > 0)) slot.worker.ref();
      else slot.worker.unref();
    }
  }
}

function describe(error: unknown): string {
  // Duck-typed: an error from a worker is deserialized in the main realm, another realm than a test VM's.
  const { name, message } = (error ?? {}) as Partial<Error>;
  if (typeof message !== 'string') return String(error);
  return !name || name === 'Error' ? message : `${name}: ${message}`;
}
