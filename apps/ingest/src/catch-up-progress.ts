/** During a catch-up the lag is written to the status row this often. */
const STATUS_EVERY_MS = 1000;

/** Count, rate and ETA of a catch-up, for its progress lines and status updates. */
export class CatchUpProgress {
  done = 0;
  private readonly startedAt = Date.now();
  private lastLogAt = Date.now();
  private lastStatusAt = Date.now();

  constructor(
    readonly total: number,
    private readonly intervalMs: number,
  ) {}

  statusDue(): boolean {
    if (Date.now() - this.lastStatusAt < STATUS_EVERY_MS) return false;
    this.lastStatusAt = Date.now();
    return true;
  }

  due(): boolean {
    if (Date.now() - this.lastLogAt < this.intervalMs) return false;
    this.lastLogAt = Date.now();
    return true;
  }

  snapshot(): { done: number; total: number; perSecond: number; etaSeconds: number | null } {
    const seconds = Math.max(0.001, (Date.now() - this.startedAt) / 1000);
    const perSecond = this.done / seconds;
    const remaining = this.total - this.done;
    return { done: this.done, total: this.total, perSecond: Math.round(perSecond * 10) / 10, etaSeconds: perSecond > 0 ? Math.ceil(remaining / perSecond) : null };
  }
}
