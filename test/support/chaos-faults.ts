import { setTimeout as sleep } from 'node:timers/promises';
import type { ImapFlow } from 'imapflow';
import { STREAM_NAME } from '@casework/contracts';
import { replicaKey, type CaseworkSuite, type ManagedProcess, type ServiceName } from '@casework/devkit';
import type { ChaosEvent, ChaosTarget } from './chaos-schedule.js';

/*
 * The chaos suite's hands: the faults it inflicts on a running suite and the APPENDs that must
 * survive them. Free of jest globals (the build compiles it with the sources).
 */

const RESTART_DEADLINE_MS = 180_000;

/** Inflicts scheduled faults on a suite, remembering when each target was down and every process it started. */
export class FaultInjector {
  /** Every process of every service, killed ones included, for the logs of a failing run. */
  readonly incarnations: ManagedProcess[];
  /** Down intervals per target, to tell how many messages arrived while a service was down. */
  private readonly down = new Map<ChaosTarget, { from: number; to: number | null }[]>();

  constructor(
    private readonly suite: CaseworkSuite,
    /** Writes a line of the run's timeline. */
    private readonly note: (line: string) => void,
  ) {
    this.incarnations = [...suite.services.values(), ...suite.replicas.values()];
  }

  isDown(target: ChaosTarget, at: number): boolean {
    return (this.down.get(target) ?? []).some((d) => d.from <= at && (d.to === null || at < d.to));
  }

  async inflict(event: ChaosEvent): Promise<void> {
    const interval = { from: Date.now(), to: null as number | null };
    this.down.set(event.target, [...(this.down.get(event.target) ?? []), interval]);
    const began = Date.now();
    if (event.target === 'nats') {
      this.note('restarting nats-server');
      await this.suite.nats.restart();
      this.note(`nats-server back after ${Date.now() - began} ms`);
    } else if (event.target === 'nats-leader') {
      const leader = await this.suite.natsCluster!.streamLeader(STREAM_NAME);
      await leader.kill('SIGKILL');
      this.note(`SIGKILL nats ${leader.name}, the ${STREAM_NAME} stream leader`);
      // Down long enough for the others to elect a new leader and run on without it.
      await sleep(5000);
      await leader.start();
      this.note(`nats ${leader.name} back after ${Date.now() - began} ms`);
    } else if (event.target === 'postgres') {
      this.note('restarting PostgreSQL (fast shutdown)');
      await this.suite.postgres!.restart();
      this.note(`PostgreSQL back after ${Date.now() - began} ms`);
    } else {
      const name = replicaKey(event.target, event.replica);
      const victim = this.suite.replica(event.target, event.replica)!;
      await victim.kill('SIGKILL');
      this.note(`SIGKILL ${name} (pid ${victim.pid})`);
      const attempts = await this.restart(event.target, event.replica);
      this.note(`${name} healthy again after ${Date.now() - began} ms${attempts > 1 ? ` (${attempts} attempts)` : ''}`);
    }
    interval.to = Date.now();
  }

  /** Starts a service again, retrying while it cannot come up (Postgres or NATS restarting under it). */
  private async restart(name: ServiceName, replica: number): Promise<number> {
    const began = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        this.incarnations.push(await this.suite.startService(name, replica));
        return attempt;
      } catch (error) {
        const failed = this.suite.replica(name, replica);
        if (failed) {
          if (!this.incarnations.includes(failed)) this.incarnations.push(failed);
          await failed.kill('SIGKILL');
        }
        this.note(`${name} did not come up (attempt ${attempt}): ${firstLine(error)}`);
        if (Date.now() - began > RESTART_DEADLINE_MS) throw error;
        await sleep(1000);
      }
    }
  }
}

/** APPENDs on one connection, reconnecting if the session breaks. */
export class Appender {
  private client: ImapFlow | null = null;
  /** APPENDs repeated after an error: the first may have been stored anyway (a duplicate copy). */
  retries = 0;

  constructor(private readonly suite: CaseworkSuite) {}

  async append(raw: Buffer): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        this.client ??= await this.suite.imap();
        await this.client.append('INBOX', raw);
        return;
      } catch (error) {
        await this.close();
        if (attempt >= 5) throw error;
        this.retries++;
        await sleep(200 * attempt);
      }
    }
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.logout().catch(() => client.close());
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
