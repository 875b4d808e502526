import type { ManagedProcess } from '@casework/devkit';

/** The JSON lines (pino's) among a process's recent output; anything else is skipped. */
export function jsonLogLines<T extends { msg: string }>(process: ManagedProcess): T[] {
  return process
    .recentOutput()
    .split('\n')
    .flatMap((line) => {
      try {
        const parsed = JSON.parse(line) as T;
        return typeof parsed === 'object' && parsed !== null && typeof parsed.msg === 'string' ? [parsed] : [];
      } catch {
        return [];
      }
    });
}
