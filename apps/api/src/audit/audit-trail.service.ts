import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { AuditRepository, type NewAuditEvent } from '@casework/database';
import { GroupCommitBatcher, type BatchOutcome } from '@casework/messaging';
import type { Caller } from '../auth/caller.js';
import { requestIdOf } from '../security/request-id.js';

const MAX_USER_AGENT = 300;
const MAX_BATCH = 200;

/**
 * Appends audit events with the request's context: who, from where, which request. The chain
 * has one lock, so appends are group-committed: events of requests answered meanwhile wait for
 * the transaction in flight and then share the next one (one lock, one INSERT, one commit);
 * each request still answers only after its event committed.
 */
@Injectable()
export class AuditTrail {
  private readonly batcher = new GroupCommitBatcher<NewAuditEvent>(MAX_BATCH, (events) => this.appendBatch(events));

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
  ) {}

  async record(request: Request, caller: Caller | null, event: Omit<NewAuditEvent, 'actorId' | 'actorEmail' | 'ip' | 'userAgent' | 'requestId'>): Promise<void> {
    const userAgent = request.headers['user-agent'];
    await this.batcher.submit({
      ...event,
      actorId: caller?.userId ?? null,
      actorEmail: caller?.email ?? null,
      ip: request.ip ?? null,
      userAgent: typeof userAgent === 'string' ? userAgent.slice(0, MAX_USER_AGENT) : null,
      // The id the answer and the log lines carry (the client's, when sane, else generated).
      requestId: requestIdOf(request),
    });
  }

  /** The batch in one transaction; when that fails, each event alone, so one bad event costs the others nothing. */
  private async appendBatch(events: NewAuditEvent[]): Promise<BatchOutcome[]> {
    try {
      await this.db.transaction((tx) => this.audit.appendAll(tx, events));
      return events.map(() => ({ ok: true }));
    } catch (error) {
      if (events.length === 1) return [{ ok: false, error }];
      const outcomes: BatchOutcome[] = [];
      for (const event of events) {
        outcomes.push(
          await this.db.transaction((tx) => this.audit.append(tx, event)).then(
            (): BatchOutcome => ({ ok: true }),
            (failure: unknown): BatchOutcome => ({ ok: false, error: failure }),
          ),
        );
      }
      return outcomes;
    }
  }
}
