import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Finds an executable on PATH, in /usr/sbin (where Debian puts daemons that are not on a normal
 * user's PATH) or in /usr/lib/postgresql/<version>/bin (Debian's PostgreSQL layout, newest first).
 * Throws with the hint instead of returning null, so tests fail loudly rather than skip.
 */
export function requireBinary(name: string, hint: string): string {
  const pathDirs = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  for (const dir of [...pathDirs, '/usr/sbin', '/sbin', ...postgresBinDirs()]) {
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  throw new Error(`${name} not found: ${hint}`);
}

function postgresBinDirs(): string[] {
  const root = '/usr/lib/postgresql';
  try {
    return readdirSync(root)
      .sort((a, b) => Number(b) - Number(a) || b.localeCompare(a))
      .map((version) => join(root, version, 'bin'));
  } catch {
    return [];
  }
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
