import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export interface ManagedProcess {
  name: string;
  pid: number;
  child: ChildProcess;
  /** Resolves with the exit code, or null when the process died from a signal or never started. */
  exited: Promise<number | null>;
  /** Sends the signal (default SIGTERM), waits up to 10 s for the exit, then SIGKILLs. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** The last 200 output lines, for error messages when a service fails to come up. */
  recentOutput(): string;
}

export interface SpawnServiceOptions {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** true: print `[name] line`; a function: receives each line; false/absent: keep lines quietly. */
  prefixLogs?: boolean | ((line: string) => void);
  colorIndex?: number;
  /** Run as another user (needs root); used for daemons such as postgres that refuse to run as root. */
  uid?: number;
  gid?: number;
}

const RECENT_LINES = 200;
const KILL_GRACE_MS = 10_000;
const COLORS = [36, 33, 35, 32, 34, 91, 96, 93, 95, 92];

// Children still running; signalled when this process exits so a crashed test run or a Ctrl-C'd
// dev runner does not leave daemons holding ports and temp dirs.
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of live) child.kill('SIGTERM');
  });
}

/** Spawns a long-running service with piped output and a kill() that really waits for the exit. */
export function spawnService(opts: SpawnServiceOptions): ManagedProcess {
  const recent: string[] = [];
  const remember = (line: string): void => {
    recent.push(line);
    if (recent.length > RECENT_LINES) recent.shift();
  };
  const print = lineSink(opts);

  const child = spawn(opts.command, opts.args, {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    uid: opts.uid,
    gid: opts.gid,
  });

  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      live.delete(child);
      exitCode = code;
      resolve(code);
    });
    // A spawn failure (ENOENT, EACCES) emits 'error' and no 'exit'.
    child.once('error', (error) => {
      live.delete(child);
      remember(`failed to run ${opts.command}: ${error.message}`);
      exitCode = null;
      resolve(null);
    });
  });

  if (child.pid === undefined) {
    // libuv reports spawn failures synchronously; the 'error' listener above swallows the later event.
    throw new Error(`${opts.name}: could not start ${opts.command}`);
  }

  live.add(child);
  installExitHook();
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) forEachLine(stream, (line) => {
      remember(line);
      print?.(line);
    });
  }

  const kill = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
    if (exitCode !== undefined) return;
    child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), KILL_GRACE_MS);
    });
    const outcome = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      child.kill('SIGKILL');
      await exited;
    }
  };

  return {
    name: opts.name,
    pid: child.pid,
    child,
    exited,
    kill,
    recentOutput: () => recent.join('\n'),
  };
}

function lineSink(opts: SpawnServiceOptions): ((line: string) => void) | undefined {
  if (typeof opts.prefixLogs === 'function') return opts.prefixLogs;
  if (opts.prefixLogs !== true) return undefined;
  const prefix = process.stdout.isTTY
    ? `\u001b[${COLORS[(opts.colorIndex ?? hash(opts.name)) % COLORS.length]}m[${opts.name}]\u001b[0m `
    : `[${opts.name}] `;
  return (line) => process.stdout.write(`${prefix}${line}\n`);
}

function forEachLine(stream: Readable, onLine: (line: string) => void): void {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  lines.on('line', onLine);
}

function hash(text: string): number {
  let h = 0;
  for (const char of text) h = (h * 31 + char.charCodeAt(0)) >>> 0;
  return h;
}
