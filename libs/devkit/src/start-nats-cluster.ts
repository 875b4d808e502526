import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { awaitStartup } from './await-startup.js';
import { freePort } from './free-port.js';
import { pollUntil } from './poll-until.js';
import { requireBinary } from './require-binary.js';
import { spawnService, type ManagedProcess } from './spawn-service.js';
import { createTempDir, removeDir } from './temp-dir.js';
import { waitForPort } from './wait-for-port.js';

/** One member of a private cluster. */
export interface ClusterNode {
  name: string;
  /** Its client port on 127.0.0.1. */
  port: number;
  url: string;
  running(): boolean;
  /** SIGKILL (or another signal): no goodbye to the cluster, as a crashed machine. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same ports and store (its JetStream data catches up from the others). */
  start(): Promise<void>;
}

export interface PrivateNatsCluster {
  /** Every member's client URL, comma-separated: a NATS_URL. */
  url: string;
  nodes: ClusterNode[];
  /** The node leading a stream's RAFT group now (polls until one is elected). */
  streamLeader(stream: string, timeoutMs?: number): Promise<ClusterNode>;
  stop(): Promise<void>;
}

/**
 * Starts a private JetStream cluster of `size` nats-server processes on loopback ports, each
 * routed to the others, for tests that a leader change or a lost node costs no event.
 */
export async function startNatsCluster(size = 3): Promise<PrivateNatsCluster> {
  const binary = requireBinary('nats-server', 'install it with `apt-get install -y nats-server`');
  const root = await createTempDir('nats-cluster');
  const clusterName = `casework-test-${process.pid}`;
  const members = await Promise.all(
    Array.from({ length: size }, async (_, i) => ({ name: `n${i + 1}`, port: await freePort(), routePort: await freePort(), storeDir: join(root, `n${i + 1}`) })),
  );
  const routes = members.map((member) => `nats://127.0.0.1:${member.routePort}`).join(',');

  const nodes: ClusterNode[] = members.map((member) => {
    let process: ManagedProcess | undefined;
    const node: ClusterNode = {
      name: member.name,
      port: member.port,
      url: `nats://127.0.0.1:${member.port}`,
      running: () => process !== undefined,
      async kill(signal = 'SIGKILL') {
        await process?.kill(signal);
        process = undefined;
      },
      async start() {
        await mkdir(member.storeDir, { recursive: true });
        const service = spawnService({
          name: `nats-${member.name}`,
          command: binary,
          args: ['-a', '127.0.0.1', '-p', String(member.port), '-n', member.name, '-js', '-sd', member.storeDir, '--cluster_name', clusterName, '--cluster', `nats://127.0.0.1:${member.routePort}`, '--routes', routes],
          env: globalThis.process.env,
        });
        await awaitStartup(service, (signal) =>
          pollUntil(
            async () => {
              if (!service.recentOutput().includes('Server is ready')) throw new Error('not ready yet');
              await waitForPort(member.port, '127.0.0.1', 1000, signal);
            },
            { timeoutMs: 15_000, signal, what: `nats-server ${member.name} on port ${member.port}` },
          ),
        );
        process = service;
      },
    };
    return node;
  });

  const stop = async () => {
    await Promise.all(nodes.map((node) => node.kill('SIGTERM')));
    await removeDir(root);
  };
  try {
    await Promise.all(nodes.map((node) => node.start()));
    await waitForJetStreamMeta(nodes);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url: nodes.map((node) => node.url).join(','),
    nodes,
    stop,
    async streamLeader(stream, timeoutMs = 30_000) {
      return pollUntil(
        async () => {
          const leader = await withClient(nodes, async (nc) => (await (await jetstreamManager(nc, { timeout: 2000 })).streams.info(stream)).cluster?.leader);
          const node = nodes.find((candidate) => candidate.name === leader);
          if (!node) throw new Error(`stream ${stream} has no leader yet`);
          return node;
        },
        { timeoutMs, what: `a leader for stream ${stream}` },
      );
    },
  };
}

/** The cluster takes JetStream requests once its meta group elected a leader. */
async function waitForJetStreamMeta(nodes: ClusterNode[]): Promise<void> {
  await pollUntil(
    () =>
      withClient(nodes, async (nc) => {
        await (await jetstreamManager(nc, { timeout: 2000 })).getAccountInfo();
      }),
    { timeoutMs: 30_000, what: 'the JetStream meta leader of the cluster' },
  );
}

async function withClient<T>(nodes: ClusterNode[], work: (nc: Awaited<ReturnType<typeof connect>>) => Promise<T>): Promise<T> {
  const nc = await connect({ servers: nodes.filter((node) => node.running()).map((node) => node.url), timeout: 2000 });
  try {
    return await work(nc);
  } finally {
    await nc.close();
  }
}
