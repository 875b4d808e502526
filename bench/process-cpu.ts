import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system) used so far by the live processes of this machine, grouped by
 * `classify(commandLine)` (null: not counted). Linux /proc only; elsewhere it returns nothing.
 * Take it before and after a run and subtract: where a 2-core machine's time went.
 */
export function cpuSecondsBy(classify: (commandLine: string) => string | null): Map<string, number> {
  const totals = new Map<string, number>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return totals;
  }
  for (const pid of pids) {
    try {
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      const group = classify(commandLine);
      if (!group) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the parenthesised command name: utime is the 14th field, stime the 15th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      totals.set(group, (totals.get(group) ?? 0) + ticks / TICKS_PER_SECOND);
    } catch {
      // The process ended meanwhile.
    }
  }
  return totals;
}

/** after − before, per group, largest first. */
export function cpuDelta(before: Map<string, number>, after: Map<string, number>): [string, number][] {
  return [...after].map(([group, seconds]) => [group, seconds - (before.get(group) ?? 0)] as [string, number]).sort((a, b) => b[1] - a[1]);
}
