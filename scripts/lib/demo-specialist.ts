import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { ApiTokenRepository, createDataSource, UserRepository } from '@casework/database';
import { looksLikeApiToken, newTokenSecret, tokenSha256 } from '@casework/domain';
import { displayPath, STATE } from './dev-paths.js';

export const DEMO_SPECIALIST_EMAIL = 'specialist@casework.localhost';

/** The demo specialist's token and where it came from, for the banner. */
export interface DemoSpecialist {
  email: string;
  token: string;
  source: string;
}

/**
 * A specialist to try the inbox as (not an admin): created once, with a token kept in
 * .casework/ (0600) because the database holds only its hash. A saved token that no longer
 * works (revoked, the user disabled or the database reset) is replaced.
 */
export async function ensureDemoSpecialist(databaseUrl: string): Promise<DemoSpecialist> {
  const ds = createDataSource({ url: databaseUrl, poolSize: 1, applicationName: 'casework-seed' });
  await ds.initialize();
  try {
    const users = new UserRepository();
    const tokens = new ApiTokenRepository();
    const user =
      (await users.findByEmail(ds, DEMO_SPECIALIST_EMAIL)) ??
      (await users.insert(ds, { email: DEMO_SPECIALIST_EMAIL, name: 'Demo Specialist', role: 'specialist', locale: 'en', timeZone: 'UTC' }));
    const saved = existsSync(STATE.demoSpecialistToken) ? (await readFile(STATE.demoSpecialistToken, 'utf8')).trim() : '';
    if (looksLikeApiToken(saved)) {
      const holder = await tokens.holderOf(ds, tokenSha256(saved), new Date());
      if (holder?.userId === user.id) return { email: user.email, token: saved, source: `saved in ${displayPath(STATE.demoSpecialistToken)}` };
    }
    const token = newTokenSecret();
    await tokens.insert(ds, { userId: user.id, name: 'npm start', sha256: tokenSha256(token), expiresAt: null });
    await writeFile(STATE.demoSpecialistToken, `${token}\n`, { mode: 0o600 });
    return { email: user.email, token, source: `new, saved in ${displayPath(STATE.demoSpecialistToken)}` };
  } finally {
    await ds.destroy().catch(() => undefined);
  }
}
