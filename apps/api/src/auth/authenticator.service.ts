import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiTokenRepository, UserRepository, BOOTSTRAP_ADMIN_EMAIL } from '@casework/database';
import { API_TOKEN } from './api-token.constants.js';
import type { Caller } from './caller.js';
import { OidcVerifier } from './oidc-verifier.js';
import { looksLikeApiToken, tokenSha256 } from '@casework/domain';

/** A token's last use is written at most this often: not one write per request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Turns a presented bearer credential into a caller, or null: the bootstrap token (the
 * built-in admin), a `cw_` API token (live, of an enabled user), or — with OIDC configured —
 * a JWT of the issuer whose e-mail is an enabled user's.
 */
@Injectable()
export class Authenticator {
  /** Hashed once: a presented credential is hashed once per request, compared with this and looked up by the same hash. */
  private readonly bootstrapSha256: Buffer;

  constructor(
    @Inject(API_TOKEN) bootstrapToken: string,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(ApiTokenRepository) private readonly tokens: ApiTokenRepository,
    @Inject(OidcVerifier) private readonly oidc: OidcVerifier,
  ) {
    this.bootstrapSha256 = tokenSha256(bootstrapToken);
  }

  async authenticate(presented: string): Promise<Caller | null> {
    const presentedSha256 = tokenSha256(presented);
    // Compared on every call, in constant time (hashes of equal length), so the bootstrap path costs the same whatever was presented.
    if (timingSafeEqual(presentedSha256, this.bootstrapSha256)) return this.bootstrapAdmin();
    if (looksLikeApiToken(presented)) return this.apiToken(presentedSha256);
    if (this.oidc.enabled) return this.oidcUser(presented);
    return null;
  }

  private async bootstrapAdmin(): Promise<Caller | null> {
    const user = (await this.users.findByEmail(this.db, BOOTSTRAP_ADMIN_EMAIL)) ?? (await this.users.ensureBootstrapAdmin(this.db));
    if (user.disabled) return null;
    return { userId: user.id, email: user.email, role: user.role, tokenId: null, via: 'bootstrap' };
  }

  private async apiToken(presentedSha256: Buffer): Promise<Caller | null> {
    const now = new Date();
    const holder = await this.tokens.holderOf(this.db, presentedSha256, now);
    if (!holder) return null;
    if (!holder.lastUsedAt || now.getTime() - holder.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
      await this.tokens.touch(this.db, holder.tokenId, holder.userId, now);
    }
    return { userId: holder.userId, email: holder.email, role: holder.role, tokenId: holder.tokenId, via: 'token' };
  }

  private async oidcUser(presented: string): Promise<Caller | null> {
    const email = await this.oidc.verifiedEmail(presented);
    return email ? this.oidcUserByEmail(email) : null;
  }

  /** The caller an issuer-verified e-mail speaks for (a bearer JWT's, or the web sign-in's id_token's). */
  async oidcUserByEmail(email: string): Promise<Caller | null> {
    // No silent provisioning: only a known, enabled user gets in.
    const user = await this.users.findByEmail(this.db, email);
    if (!user || user.disabled) return null;
    return { userId: user.id, email: user.email, role: user.role, tokenId: null, via: 'oidc' };
  }
}
