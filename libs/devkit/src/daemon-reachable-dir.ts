import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, mkdir, readlink, rename, stat, symlink, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runningAsRoot } from './system-user.js';
import { createTempDir } from './temp-dir.js';

/**
 * Where a daemon that drops root (Dovecot's dovenull and mail users, postgres) can keep the
 * state meant for `wanted`. A checkout in a private home (0700, as root's and new users' homes
 * are on Debian and Ubuntu) is out of their reach, so the state then lives in a folder under the
 * system temp dir named after a hash of `wanted` — two checkouts never share one, restarts
 * reuse it — and `wanted` becomes a symlink to it, so `.casework/` still shows where it is.
 * Not root: every process runs as the caller, who can reach their own home.
 */
export async function daemonReachableDir(wanted: string, purpose: string): Promise<string> {
  const dir = resolve(wanted);
  if (!runningAsRoot()) return dir;
  const link = await lstat(dir).catch(() => undefined);
  if (!link?.isSymbolicLink() && (await worldTraversable(dirname(dir)))) return dir;

  const place = join(await reachableTempRoot(), `casework-${purpose}-${createHash('sha256').update(dir).digest('hex').slice(0, 16)}`);
  await mkdir(place, { recursive: true, mode: 0o755 });
  // /tmp is shared: a folder another user made under our name could be read or swapped by them.
  const { uid } = await stat(place);
  if (uid !== process.getuid?.()) throw new Error(`${place} belongs to uid ${uid}, not to this user: remove it and start again`);

  if (link?.isSymbolicLink()) {
    if ((await readlink(dir)) === place) return place;
    await unlink(dir);
  } else if (link) {
    // A real folder the daemon cannot reach (from before this fallback): kept aside, not deleted.
    await rename(dir, `${dir}.unreachable-${Date.now()}`);
  }
  await mkdir(dirname(dir), { recursive: true });
  await symlink(place, dir);
  return place;
}

/** A fresh temp dir (removed by its owner) that a daemon dropping root can reach. */
export async function createDaemonTempDir(prefix: string): Promise<string> {
  return runningAsRoot() ? createTempDir(prefix, await reachableTempRoot()) : createTempDir(prefix);
}

/** The first temp root every user can traverse and this process can write. */
async function reachableTempRoot(): Promise<string> {
  for (const candidate of [tmpdir(), '/tmp', '/var/tmp', '/dev/shm']) {
    const writable = await access(candidate, constants.W_OK).then(
      () => true,
      () => false,
    );
    if (writable && (await worldTraversable(candidate))) return resolve(candidate);
  }
  throw new Error('no world-traversable temp dir (tried $TMPDIR, /tmp, /var/tmp, /dev/shm) for the private servers');
}

/**
 * True when `start` and each folder above it let others pass through (the x bit for others).
 * Folders not made yet count as passable: mkdir makes them 0755 under the usual umask.
 */
async function worldTraversable(start: string): Promise<boolean> {
  for (let d = resolve(start); ; d = dirname(d)) {
    const mode = await stat(d).then(
      (s) => s.mode,
      () => 0o755,
    );
    if ((mode & 0o001) === 0) return false;
    if (dirname(d) === d) return true;
  }
}
