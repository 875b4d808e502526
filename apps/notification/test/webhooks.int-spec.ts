import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { QueueRepository, TicketRepository } from '@casework/database';
import { awaitStartup, eventually, freePort, IntegrationBed, OPS_EMAIL, startService, startSmtpCatcher, waitForPort, type ManagedProcess, type SmtpCatcher } from '@casework/devkit';

const TOKEN = 'webhook-int-test-token-0123456789';
const SECRET = 'whsec-0123456789abcdef';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  signatureValid: boolean;
  answered: number;
}

interface DeliveryBody {
  id: string;
  event: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
}

describe('webhooks (built api + notification processes, a real HTTP receiver)', () => {
  let bed: IntegrationBed;
  let smtp: SmtpCatcher;
  let api: ManagedProcess;
  let base: string;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];

  const call = async <T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${TOKEN}`, ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };

  beforeAll(async () => {
    [bed, smtp] = await Promise.all([IntegrationBed.start(), startSmtpCatcher()]);
    // The receiver verifies the signature and answers 500 to the first request, 200 afterwards.
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const timestamp = String(req.headers['x-casework-timestamp'] ?? '');
        const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')}`);
        const given = Buffer.from(String(req.headers['x-casework-signature'] ?? ''));
        const signatureValid = given.length === expected.length && timingSafeEqual(given, expected);
        const answered = !signatureValid ? 401 : received.length === 0 ? 500 : 200;
        received.push({ headers: req.headers, body, signatureValid, answered });
        res.writeHead(answered).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

    const port = await freePort();
    base = `http://127.0.0.1:${port}/api/v1`;
    api = startService('api', { ...bed.baseEnv({ LOG_LEVEL: 'warn' }), PORT: String(port), API_BOOTSTRAP_TOKEN: TOKEN }, !!process.env.CASEWORK_TEST_LOGS);
    const env = bed.baseEnv({ SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_TLS: 'false', OPS_EMAIL, SLA_SWEEP_MAX_SLEEP_MS: '250', WEBHOOK_RETRY_BASE_MS: '300' });
    await Promise.all([bed.startWorker('notification', env), awaitStartup(api, (signal) => waitForPort(port, '127.0.0.1', 30_000, signal))]);
  }, 90_000);

  afterAll(async () => {
    await api?.kill();
    await bed?.stop();
    await smtp?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
  }, 30_000);

  it('manages webhooks: 400 names the fields; the secret is never returned', async () => {
    const bad = await call<{ fields: Record<string, string[]> }>('/webhooks', { method: 'POST', json: { url: 'ftp://x', secret: 'short', events: ['sla.nope'] } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['events', 'secret', 'url']);
    const created = await call<Record<string, unknown>>('/webhooks', { method: 'POST', json: { url: 'http://127.0.0.1:9/x', secret: SECRET, events: ['sla.breached'] } });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('secret');
    const listed = await call<{ items: Record<string, unknown>[] }>('/webhooks');
    expect(JSON.stringify(listed.body)).not.toContain(SECRET);
    expect((await call(`/webhooks/${created.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(`/webhooks/${created.body.id}/deliveries`)).status).toBe(404);
  });

  it('delivers page.sent signed; a 500 is retried after a short backoff: exactly one successful delivery', async () => {
    const hook = await call<{ id: string }>('/webhooks', { method: 'POST', json: { url: receiverUrl, secret: SECRET, events: ['page.sent', 'sla.breached'] } });
    expect(hook.status).toBe(201);
    const queue = (await new QueueRepository().findDefault(bed.ds))!;
    const tickets = new TicketRepository();
    const requesterId = await tickets.upsertContact(bed.ds, { email: 'rita@example.org', name: null });
    const ticket = await tickets.open(bed.ds, { subject: 'Webhook case', queueId: queue.id, requesterId, priority: 'normal' });
    // Nobody on call: the page goes to the ops address; page.sent still fires.
    expect((await call(`/tickets/${ticket.id}`, { method: 'PATCH', json: { priority: 'emergency' } })).status).toBe(200);

    const deliveries = await eventually(
      async () => {
        const { body } = await call<{ items: DeliveryBody[] }>(`/webhooks/${hook.body.id}/deliveries`);
        expect(body.items).toEqual([expect.objectContaining({ event: 'page.sent', status: 'sent', attempts: 2, lastStatusCode: 200, lastError: null })]);
        return body.items;
      },
      { timeoutMs: 10_000, describe: () => bed.logs() },
    );
    await sleep(1000);
    expect(received.map((r) => [r.signatureValid, r.answered])).toEqual([
      [true, 500],
      [true, 200],
    ]);
    for (const request of received) {
      expect(request.headers['x-casework-event']).toBe('page.sent');
      expect(request.headers['x-casework-delivery']).toBe(deliveries[0].id);
      expect(request.headers['content-type']).toBe('application/json');
      expect(JSON.parse(request.body)).toMatchObject({ event: 'page.sent', data: { ticketId: ticket.id, via: 'fallback', target: OPS_EMAIL } });
    }
    expect(received[0].body).toBe(received[1].body);
  });
});
