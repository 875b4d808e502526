/** The ports `npm start` listens on, chosen and checked before anything starts. */
import { createServer } from 'node:net';
import { ApiSettings, loadConfig } from '@casework/config';
import { freePort, SERVICE_NAMES, type ServiceName } from '@casework/devkit';
import { ScriptError } from './database-setup.js';
import { leftoverDovecotHint } from './dev-mail.js';
import { DEFAULT_API_PORT, DEV_MAIL } from './dev-paths.js';

export const WORKERS = SERVICE_NAMES.filter((name) => name !== 'api');
const DEFAULT_WORKER_PORT = 3101;

export interface DevPorts {
  api: number;
  workers: Record<ServiceName, number>;
}

/** The api's PORT and the workers' HTTP_PORT, from settings already validated in `env`. */
export async function choosePorts(env: NodeJS.ProcessEnv): Promise<DevPorts> {
  const api = await choosePort(loadConfig(ApiSettings, env).PORT, DEFAULT_API_PORT, process.env.PORT);
  const workers = await chooseWorkerPorts(process.env.HTTP_PORT);
  return { api, workers };
}

/** PORT / HTTP_PORT 0 means "any free port". */
async function choosePort(validated: number, fallback: number, raw: string | undefined): Promise<number> {
  if (!raw) return fallback;
  return validated === 0 ? freePort() : validated;
}

/** Workers get HTTP_PORT, +1, +2, +3 (default 3101..3104). */
async function chooseWorkerPorts(raw: string | undefined): Promise<Record<ServiceName, number>> {
  const ports = {} as Record<ServiceName, number>;
  const base = raw ? Number(raw) : DEFAULT_WORKER_PORT; // validated as an integer 0..65535 already
  if (base !== 0 && base + WORKERS.length - 1 > 65535) {
    throw new ScriptError(`HTTP_PORT ${base} leaves no room for ${WORKERS.length} workers (base + 0..${WORKERS.length - 1})`);
  }
  for (const [index, name] of WORKERS.entries()) ports[name] = base === 0 ? await freePort() : base + index;
  return ports;
}

interface PortClaim {
  port: number;
  host: string;
  what: string;
  hint?: string;
}

/** Fails naming every port that is taken, and what needs it. */
export async function assertPortsFree(ports: DevPorts, devMail: boolean): Promise<void> {
  const claims: PortClaim[] = [
    { port: ports.api, host: '0.0.0.0', what: 'the api (set PORT to use another)' },
    ...WORKERS.map((name) => ({ port: ports.workers[name], host: '127.0.0.1', what: `${name} /health (set HTTP_PORT to move the workers)` })),
    ...(devMail
      ? [
          { port: DEV_MAIL.imapPort, host: DEV_MAIL.host, what: 'the dev IMAP server', hint: leftoverDovecotHint() },
          { port: DEV_MAIL.smtpPort, host: DEV_MAIL.host, what: 'the dev SMTP catcher' },
        ]
      : []),
  ];
  const taken: string[] = [];
  for (const claim of claims) {
    if (!(await canListen(claim.port, claim.host))) {
      taken.push(`  port ${claim.port} is already in use; it is needed for ${claim.what}${claim.hint ? `\n    ${claim.hint}` : ''}`);
    }
  }
  if (taken.length === 0) return;
  throw new ScriptError(`cannot start, ports are taken (is another \`npm start\` running?):\n${taken.join('\n')}`);
}

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
