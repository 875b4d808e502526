/** Open streams per user on this replica, capped: one more is refused (429). */
export class StreamSlots {
  private readonly open = new Map<string, number>();

  constructor(private readonly perUser: number) {}

  take(userId: string): boolean {
    const held = this.open.get(userId) ?? 0;
    if (held >= this.perUser) return false;
    this.open.set(userId, held + 1);
    return true;
  }

  give(userId: string): void {
    const held = (this.open.get(userId) ?? 1) - 1;
    if (held > 0) this.open.set(userId, held);
    else this.open.delete(userId);
  }
}
