import { databaseUnavailabilityOf, describeUnavailability } from '@casework/database';

/** What PeriodicTask and its owners log through (pino's Logger fits). */
export interface TaskLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * Runs `work` every `intervalMs`, never two at once; a failure is logged and the next tick
 * tries again. stop() waits for a run in progress.
 *
 * A database that is busy or down fails every tick alike: that is logged once when it starts,
 * without a stack, and once when the task runs again, instead of a stack trace per tick.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** Ticks failed in a row because the database was unavailable. */
  private unavailableTicks = 0;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<unknown>,
    private readonly logger: TaskLogger,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.running ??= this.work()
        .then(() => this.succeeded())
        .catch((error: unknown) => this.failed(error))
        .finally(() => (this.running = null));
    }, this.intervalMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private succeeded(): void {
    if (this.unavailableTicks === 0) return;
    this.logger.info({ task: this.name, failedTicks: this.unavailableTicks }, `${this.name} runs again: the database is back`);
    this.unavailableTicks = 0;
  }

  private failed(error: unknown): void {
    const unavailable = databaseUnavailabilityOf(error);
    if (!unavailable) {
      this.logger.warn({ err: error, task: this.name }, `${this.name} failed`);
      return;
    }
    this.unavailableTicks += 1;
    if (this.unavailableTicks === 1) {
      this.logger.warn({ task: this.name, database: unavailable }, `${this.name} failed: ${describeUnavailability(unavailable)}; retrying every ${this.intervalMs} ms`);
    }
  }
}
