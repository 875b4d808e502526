import { finished } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { ExportSigner } from '@casework/config';
import { AuditRepository, CaseExportRepository } from '@casework/database';
import { DomainError } from '@casework/domain';
import { LOGGER } from '@casework/observability';
import { TicketAccessService } from '../access/ticket-access.service.js';
import { noteChange } from '../audit/audit-context.js';
import type { Caller } from '../auth/caller.js';
import { isUuid } from '../common/uuid.util.js';
import { exportArchive } from './export-archive.js';
import { ExportErrors } from './export.errors.js';
import { EXPORT_SIGNER } from './export-signer.token.js';

export interface ExportDownload {
  filename: string;
  stream: Readable;
  /** Ends the build early (the client went away): the stream is destroyed, the connection released. */
  abort(): void;
}

/**
 * The zip of an export, built now from one read-only repeatable-read snapshot of the ticket on a
 * connection held until the stream ends (so one zip is one moment of the case). Who may download:
 * whoever reads the ticket's content now, the requester included while they still do; anyone
 * else is told the export does not exist (404), a caller who sees only metadata 403.
 */
@Injectable()
export class DownloadExportUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(CaseExportRepository) private readonly exports: CaseExportRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
    @Inject(EXPORT_SIGNER) private readonly signer: ExportSigner | null,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(caller: Caller, exportId: string): Promise<ExportDownload> {
    const record = isUuid(exportId) ? await this.exports.find(this.db, exportId) : null;
    if (!record) throw ExportErrors.notFound(exportId);
    const { queueId } = await this.access.requireTicket(caller, record.ticketId, 'content').catch((error: unknown) => {
      throw error instanceof DomainError && error.code === 'TicketNotFound' ? ExportErrors.notFound(exportId) : error;
    });
    if (!this.signer) throw ExportErrors.signingKeyMissing();
    noteChange({ subject: `export:${record.id}`, ticketIds: [record.ticketId], queueId, details: { exportId: record.id } });

    const runner = this.db.createQueryRunner();
    await runner.connect();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      void runner
        .query('ROLLBACK')
        .catch(() => undefined)
        .finally(() => runner.release());
    };
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const found = await this.exports.ticketDocument(runner.manager, record.ticketId);
      if (!found) throw ExportErrors.notFound(exportId);
      const stream = await exportArchive({ db: runner.manager, exportRecord: record, signer: this.signer, exports: this.exports, audit: this.audit, builtAt: new Date() }, (error) =>
        this.logger.warn({ err: error, exportId: record.id }, 'building a case export failed; the download is cut short'),
      );
      void finished(stream).catch(() => undefined).finally(release);
      return { filename: `casework-${found.number}-${record.id.slice(0, 8)}.zip`, stream, abort: () => stream.destroy() };
    } catch (error) {
      release();
      throw error;
    }
  }
}
