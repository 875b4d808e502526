import type pg from 'pg';

/**
 * Samples what each service's connections are doing, every `intervalMs`. Per sample a service is
 * "executing SQL" (any connection active), "inside a transaction, between statements" (client
 * round trip or work in node while a transaction is open), or "outside the database" (parsing,
 * NATS, IMAP, the event loop). For executing samples the statement is tallied.
 */
export class ActivitySampler {
  private readonly states = new Map<string, Map<string, number>>();
  private readonly statements = new Map<string, Map<string, number>>();
  private running = true;
  private readonly loop: Promise<void>;

  constructor(
    private readonly db: pg.Client,
    intervalMs: number,
  ) {
    this.loop = (async () => {
      while (this.running) {
        await this.sample().catch(() => undefined);
        await new Promise((r) => setTimeout(r, intervalMs));
      }
    })();
  }

  private async sample(): Promise<void> {
    const { rows } = await this.db.query<{ app: string; state: string; query: string }>(`
      SELECT application_name AS app, state, regexp_replace(left(query, 200), '\\s+', ' ', 'g') AS query
        FROM pg_stat_activity
       WHERE datname = current_database() AND application_name LIKE 'casework-%' AND pid <> pg_backend_pid()`);
    const byApp = new Map<string, { state: string; query: string }[]>();
    for (const row of rows) byApp.set(row.app, [...(byApp.get(row.app) ?? []), row]);
    for (const [app, connections] of byApp) {
      const active = connections.filter((c) => c.state === 'active');
      const state = active.length > 0 ? 'executing SQL' : connections.some((c) => c.state.startsWith('idle in transaction')) ? 'in a transaction, between statements' : 'outside the database';
      bump(this.states, app, state);
      for (const c of active) bump(this.statements, app, statementKey(c.query));
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  report(): string {
    const lines: string[] = [];
    for (const [app, states] of [...this.states].sort()) {
      const samples = [...states.values()].reduce((a, b) => a + b, 0);
      lines.push(`  ${app} (${samples} samples): ${[...states].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${Math.round((100 * n) / samples)} %`).join(', ')}`);
      const statements = [...(this.statements.get(app) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]).slice(0, 6);
      for (const [statement, n] of statements) lines.push(`      ${String(Math.round((100 * n) / samples)).padStart(3)} %  ${statement}`);
    }
    return lines.join('\n');
  }
}

function bump(map: Map<string, Map<string, number>>, app: string, key: string): void {
  const counts = map.get(app) ?? new Map<string, number>();
  counts.set(key, (counts.get(key) ?? 0) + 1);
  map.set(app, counts);
}

function statementKey(query: string): string {
  return query.replace(/\$\d+/g, '?').slice(0, 90);
}
