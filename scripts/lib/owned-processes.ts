/**
 * What this run started, stopped newest first. Nothing else is ever signalled.
 *
 * Ctrl-C (SIGINT) or SIGTERM stops it all; another one, once the first is 2 s old, forces an exit.
 */
import { ScriptError } from './database-setup.js';
import { message, say, warn } from './dev-output.js';

/** Signals repeated this soon after the first are the same Ctrl-C (terminal + npm both deliver it). */
const SIGNAL_DEBOUNCE_MS = 2_000;

interface Owned {
  name: string;
  stop(): Promise<void>;
}

const owned: Owned[] = [];
let stopping = false;
let firstSignalAt = 0;

export function own(name: string, stop: () => Promise<void>): void {
  owned.push({ name, stop });
}

/** Whether shutdown is under way (after a signal or a failure). */
export function isStopping(): boolean {
  return stopping;
}

/** Between startup steps: once a signal arrived, start nothing more (shutdown is under way). */
export function checkpoint(): void {
  if (stopping) throw new ScriptError('interrupted');
}

async function stopOwned(): Promise<void> {
  for (let item = owned.pop(); item !== undefined; item = owned.pop()) {
    try {
      await item.stop();
      say(`stopped ${item.name}`);
    } catch (error) {
      warn(`could not stop ${item.name}: ${message(error)}`);
    }
  }
}

export async function shutdown(exitCode: number): Promise<never> {
  stopping = true;
  await stopOwned();
  process.exit(exitCode);
}

export function stopOnSignals(): void {
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

function onSignal(signal: NodeJS.Signals): void {
  const now = Date.now();
  if (stopping) {
    if (firstSignalAt === 0) {
      // Already stopping after a failure: this is the user's first Ctrl-C, not a second one.
      firstSignalAt = now;
      say(`${signal}: already stopping (Ctrl-C again to force)…`);
      return;
    }
    if (now - firstSignalAt < SIGNAL_DEBOUNCE_MS) return;
    warn(`${signal} again: exiting now (remaining children get SIGTERM)`);
    process.exit(130);
  }
  firstSignalAt = now;
  say(`${signal}: stopping (Ctrl-C again to force)…`);
  void shutdown(0);
}
