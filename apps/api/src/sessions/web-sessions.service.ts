import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WebSessionRepository } from '@casework/database';
import { tokenSha256 } from '@casework/domain';
import type { Caller } from '../auth/caller.js';
import { newSessionId } from './session-cookie.js';

/** How long a session lives: idle and absolute limits (WEB_SESSION_IDLE_MINUTES, WEB_SESSION_MAX_HOURS). */
export interface WebSessionPolicy {
  idleMs: number;
  maxMs: number;
}
export const WEB_SESSION_POLICY = Symbol('casework.web-session-policy');

/** Last use is written at most this often, as for tokens; the idle limit is far longer. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Web sessions: opened for a caller an API token (or the bootstrap token, or an OIDC JWT)
 * authenticated, looked up by the SHA-256 of the cookie's id on every request, ended on sign-out.
 * A session is live while its token is (revoked or expired ends it), its user is enabled, it was
 * used within the idle limit and it is younger than the absolute one.
 */
@Injectable()
export class WebSessions {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(WebSessionRepository) private readonly sessions: WebSessionRepository,
    @Inject(WEB_SESSION_POLICY) private readonly policy: WebSessionPolicy,
  ) {}

  get maxAgeSeconds(): number {
    return Math.floor(this.policy.maxMs / 1000);
  }

  async open(caller: Caller, now = new Date()): Promise<{ id: string; sessionRowId: string; expiresAt: Date }> {
    const id = newSessionId();
    const expiresAt = new Date(now.getTime() + this.policy.maxMs);
    const row = await this.sessions.insert(this.db, { sha256: tokenSha256(id), userId: caller.userId, tokenId: caller.tokenId, via: caller.via, expiresAt });
    return { id, sessionRowId: row.id, expiresAt };
  }

  async callerOf(id: string, now = new Date()): Promise<Caller | null> {
    const holder = await this.sessions.holderOf(this.db, tokenSha256(id), now, new Date(now.getTime() - this.policy.idleMs));
    if (!holder) return null;
    if (now.getTime() - holder.lastSeenAt.getTime() > TOUCH_EVERY_MS) await this.sessions.touch(this.db, holder.sessionId, holder.userId, now);
    return { userId: holder.userId, email: holder.email, role: holder.role, tokenId: holder.tokenId, via: holder.via };
  }

  async end(id: string): Promise<boolean> {
    return this.sessions.end(this.db, tokenSha256(id));
  }
}
