import type { ApiFixture } from './api-fixture.js';

export interface SseMessage {
  id: string | null;
  event: string;
  data: Record<string, unknown>;
}

/** A test's `/events` reader: collects the messages, answers waits for one, tells when the server ended it. */
export class SseClient {
  readonly messages: SseMessage[] = [];
  comments = 0;
  ended = false;
  private readonly changed = new Set<() => void>();
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;

  private constructor(readonly response: Response) {
    this.reader = response.body!.getReader();
    void this.read();
  }

  /** Opens a stream; fails unless it answers 200 text/event-stream. */
  static async open(app: ApiFixture, { token, cookie, lastEventId, query = '' }: { token?: string; cookie?: string; lastEventId?: string; query?: string } = {}): Promise<SseClient> {
    // With a cookie (the web inbox's session) and no token, no Authorization header at all.
    const credential = cookie ? { token: null } : token ? { token } : {};
    const headers = { ...(lastEventId ? { 'last-event-id': lastEventId } : {}), ...(cookie ? { cookie } : {}) };
    const response = await app.request(`/events${query}`, { ...credential, headers });
    if (response.status !== 200) throw new Error(`/events answered ${response.status}: ${await response.text()}`);
    if (!response.headers.get('content-type')?.startsWith('text/event-stream')) throw new Error(`/events answered ${response.headers.get('content-type')}`);
    return new SseClient(response);
  }

  /** The first message (from `from` on) matching, waiting up to `timeoutMs` for it. */
  async next(match: (message: SseMessage) => boolean, { timeoutMs = 10_000, from = 0 } = {}): Promise<SseMessage> {
    await this.until(() => this.messages.slice(from).some(match), timeoutMs, 'a matching event');
    return this.messages.slice(from).find(match)!;
  }

  async waitForEnd(timeoutMs: number): Promise<void> {
    await this.until(() => this.ended, timeoutMs, 'the stream to end');
  }

  of(ticketId: string): SseMessage[] {
    return this.messages.filter((message) => message.data.ticketId === ticketId);
  }

  async close(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }

  private until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.changed.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.changed.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; got ${JSON.stringify(this.messages.map((m) => m.event))}`));
      }, timeoutMs);
      this.changed.add(check);
    });
  }

  private async read(): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await this.reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // Cancelled by close(), or the connection dropped: either way, ended.
    }
    this.ended = true;
    this.notify();
  }

  private parse(block: string): void {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments++;
      else {
        const colon = line.indexOf(':');
        if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).replace(/^ /, ''));
      }
    }
    if (fields.has('data')) this.messages.push({ id: fields.get('id') ?? null, event: fields.get('event') ?? 'message', data: JSON.parse(fields.get('data')!) });
    this.notify();
  }

  private notify(): void {
    for (const check of [...this.changed]) check();
  }
}
