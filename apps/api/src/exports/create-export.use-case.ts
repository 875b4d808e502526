import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ExportSigner } from '@casework/config';
import { CaseExportRepository, type CaseExportRecord } from '@casework/database';
import { TicketAccessService } from '../access/ticket-access.service.js';
import { noteChange } from '../audit/audit-context.js';
import type { Caller } from '../auth/caller.js';
import { ExportErrors } from './export.errors.js';
import { EXPORT_SIGNER } from './export-signer.token.js';

/**
 * Records an export of a ticket the caller reads in full (hidden → 404, metadata only → 403;
 * without a signing key → 503). The zip is built when it is downloaded, so it is ready at once.
 */
@Injectable()
export class CreateExportUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(CaseExportRepository) private readonly exports: CaseExportRepository,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
    @Inject(EXPORT_SIGNER) private readonly signer: ExportSigner | null,
  ) {}

  async execute(caller: Caller, ticketId: string): Promise<{ record: CaseExportRecord; keyId: string }> {
    const { queueId } = await this.access.requireTicket(caller, ticketId, 'content');
    if (!this.signer) throw ExportErrors.signingKeyMissing();
    const record = await this.exports.create(this.db, { ticketId, requestedBy: caller.userId, requestedByEmail: caller.email });
    noteChange({ subject: `export:${record.id}`, ticketIds: [ticketId], queueId, details: { exportId: record.id } });
    return { record, keyId: this.signer.keyId };
  }
}
