import { readFileSync } from 'node:fs';

export interface SystemUser {
  name: string;
  uid: number;
  gid: number;
}

/** True when this process runs as root, the case where daemons must be handed a non-root user. */
export function runningAsRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * Looks a user up in /etc/passwd. Node has no getpwnam(), and shelling out to `id` for two numbers
 * is slower and no more portable on the Debian machines this runs on.
 */
export function lookupSystemUser(name: string): SystemUser {
  let passwd: string;
  try {
    passwd = readFileSync('/etc/passwd', 'utf8');
  } catch (error) {
    throw new Error(`cannot read /etc/passwd to look up user ${name}`, { cause: error });
  }
  for (const line of passwd.split('\n')) {
    const [user, , uid, gid] = line.split(':');
    if (user === name && uid !== undefined && gid !== undefined) {
      return { name, uid: Number(uid), gid: Number(gid) };
    }
  }
  throw new Error(`system user ${name} does not exist`);
}
