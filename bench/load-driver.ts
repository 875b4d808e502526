import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { percentile } from './bench-options.js';

const REQUEST_TIMEOUT_MS = 10_000;
const round = (ms: number) => Math.round(ms * 100) / 100;

/** A request of a case: a path, and the token it goes with when not the driver's own. */
/** A request of a case: a path, or a path with the token it goes with and, optionally, a group its sample is counted in. */
export type CaseRequest = string | { path: string; token: string; group?: string };

export interface CaseResult {
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  /** Status codes (or `timeout` / the network error) of the failed requests. */
  failures: Record<string, number>;
  /** CPU time of the api process per request. */
  apiCpuMsPerRequest?: number;
}

/** One request's latency (ms from its scheduled start) and status (or failure name). */
export interface RequestSample {
  latency: number;
  status: number | string;
  /** The request's group, when its case named one. */
  group?: string;
}

/** Percentiles, maximum and failures of a case's requests. */
export function summarise(done: RequestSample[]): CaseResult {
  const failures: Record<string, number> = {};
  for (const { status } of done) {
    if (typeof status === 'number' && status >= 200 && status < 300) continue;
    failures[String(status)] = (failures[String(status)] ?? 0) + 1;
  }
  const sorted = done.map((d) => d.latency).sort((a, b) => a - b);
  return {
    requests: done.length,
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted[sorted.length - 1]),
    errors: Object.values(failures).reduce((a, b) => a + b, 0),
    failures,
  };
}

/** A minimal HTTP load driver: keep-alive GETs, answered once the whole body has arrived. */
export class LoadDriver {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

  constructor(
    private readonly base: URL,
    private readonly token: string,
  ) {}

  /** One GET: resolves with the status, or a failure name (never rejects). */
  get(path: string, token = this.token): Promise<{ status: number | string; body: string }> {
    return new Promise((resolve) => {
      const request = http.get(new URL(path, this.base), { agent: this.agent, headers: { authorization: `Bearer ${token}` }, timeout: REQUEST_TIMEOUT_MS }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 'no-status', body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', (error) => resolve({ status: error.message, body: '' }));
      });
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', (error) => resolve({ status: error.message, body: '' }));
    });
  }

  /** `rate` requests/s for `ms`, open-loop; latency from each request's scheduled start. */
  async run(next: () => CaseRequest, rate: number, ms: number): Promise<CaseResult> {
    return summarise(await this.sample(next, rate, ms));
  }

  /** What `run` measures, each request's latency and status as they came (to merge slices of one case). */
  async sample(next: () => CaseRequest, rate: number, ms: number): Promise<RequestSample[]> {
    const total = Math.round((rate * ms) / 1000);
    const started = performance.now();
    const pending: Promise<RequestSample>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const request = next();
      const sent = typeof request === 'string' ? this.get(request) : this.get(request.path, request.token);
      const group = typeof request === 'string' ? undefined : request.group;
      pending.push(sent.then(({ status }) => ({ latency: performance.now() - due, status, ...(group ? { group } : {}) })));
    }
    return Promise.all(pending);
  }

  close(): void {
    this.agent.destroy();
  }
}
