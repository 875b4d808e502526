import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system) used so far by the live descendants of `root` (this process), grouped by
 * `classify(commandLine)` (null: not counted). Linux /proc only; elsewhere it returns nothing.
 * Take it before and after a run and subtract: where a 2-core machine's time went.
 */
export function cpuSecondsBy(classify: (commandLine: string) => string | null, root = process.pid): Map<string, number> {
  const totals = new Map<string, number>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return totals;
  }
  const processes = new Map<number, { parent: number; ticks: number; commandLine: string }>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the parenthesised command name: ppid is the 4th field, utime the 14th, stime the 15th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      processes.set(Number(pid), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), commandLine });
    } catch {
      // The process ended meanwhile.
    }
  }
  // Only this run's own processes: other test runs on the machine start the same programs.
  const ours = (pid: number): boolean => {
    for (let at: number | undefined = pid; at !== undefined && at > 1; at = processes.get(at)?.parent) if (at === root) return true;
    return false;
  };
  for (const [pid, { ticks, commandLine }] of processes) {
    if (!ours(pid)) continue;
    const group = classify(commandLine);
    if (group) totals.set(group, (totals.get(group) ?? 0) + ticks / TICKS_PER_SECOND);
  }
  return totals;
}

/** after − before, per group, largest first. */
export function cpuDelta(before: Map<string, number>, after: Map<string, number>): [string, number][] {
  return [...after].map(([group, seconds]) => [group, seconds - (before.get(group) ?? 0)] as [string, number]).sort((a, b) => b[1] - a[1]);
}

/** utime + stime of one process in ms (clock ticks of 10 ms on Linux). */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * (1000 / TICKS_PER_SECOND);
}
