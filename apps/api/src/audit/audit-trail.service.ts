import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { AuditRepository, type NewAuditEvent } from '@casework/database';
import type { Caller } from '../auth/caller.js';
import { requestIdOf } from '../security/request-id.js';

const MAX_USER_AGENT = 300;

/** Appends audit events with the request's context: who, from where, which request. */
@Injectable()
export class AuditTrail {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
  ) {}

  async record(request: Request, caller: Caller | null, event: Omit<NewAuditEvent, 'actorId' | 'actorEmail' | 'ip' | 'userAgent' | 'requestId'>): Promise<void> {
    const userAgent = request.headers['user-agent'];
    await this.db.transaction((tx) =>
      this.audit.append(tx, {
        ...event,
        actorId: caller?.userId ?? null,
        actorEmail: caller?.email ?? null,
        ip: request.ip ?? null,
        userAgent: typeof userAgent === 'string' ? userAgent.slice(0, MAX_USER_AGENT) : null,
        // The id the answer and the log lines carry (the client's, when sane, else generated).
        requestId: requestIdOf(request),
      }),
    );
  }
}
