import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Creates a fresh directory under the OS temp dir (or `root`), named so leftovers are easy to recognise. */
export async function createTempDir(prefix: string, root: string = tmpdir()): Promise<string> {
  return mkdtemp(join(root, `casework-${prefix}-`));
}

/** Removes a directory tree; never throws, since cleanup must not mask the real test failure. */
export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
}
