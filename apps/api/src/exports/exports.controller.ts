import { Controller, Get, Header, HttpCode, HttpStatus, Inject, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ExportSigner } from '@casework/config';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/error-response.dto.js';
import { attachmentDisposition } from '../tickets/content-disposition.util.js';
import { CreateExportUseCase } from './create-export.use-case.js';
import { DownloadExportUseCase } from './download-export.use-case.js';
import { ExportDto, ExportPublicKeyDto } from './dto/export.dto.js';
import { ExportErrors } from './export.errors.js';
import { EXPORT_SIGNER } from './export-signer.token.js';
import { API_PREFIX } from '../auth/route-access.js';

const NO_KEY = 'EXPORT_SIGNING_KEY is not set on the API';

@ApiTags('exports')
@Controller()
export class ExportsController {
  constructor(
    @Inject(CreateExportUseCase) private readonly createExport: CreateExportUseCase,
    @Inject(DownloadExportUseCase) private readonly downloadExport: DownloadExportUseCase,
    @Inject(EXPORT_SIGNER) private readonly signer: ExportSigner | null,
  ) {}

  @Post('tickets/:id/exports')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Export a case: the raw mail, the sent mail, attachments, ticket.json, audit.jsonl, a signed manifest (content right on the ticket)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAcceptedResponse({ type: ExportDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such ticket, or one the caller may not see' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: "The caller sees only the ticket's metadata" })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: NO_KEY })
  async create(@CurrentCaller() caller: Caller, @Param('id') ticketId: string): Promise<ExportDto> {
    const { record, keyId } = await this.createExport.execute(caller, ticketId);
    return {
      id: record.id,
      ticketId: record.ticketId,
      status: 'ready',
      requestedBy: { id: record.requestedBy, email: record.requestedByEmail },
      createdAt: record.createdAt,
      downloadUrl: `${API_PREFIX}/exports/${record.id}`,
      keyId,
    };
  }

  // Declared before exports/:id, so the path is not taken for an id.
  @Get('exports/public-key')
  @ApiOperation({ summary: 'The public key that verifies exports (manifest.sig over MANIFEST.sha256)' })
  @ApiOkResponse({ type: ExportPublicKeyDto })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: NO_KEY })
  publicKey(): ExportPublicKeyDto {
    if (!this.signer) throw ExportErrors.signingKeyMissing();
    return { algorithm: 'Ed25519', keyId: this.signer.keyId, publicKey: this.signer.publicKeyRaw.toString('base64'), publicKeyPem: this.signer.publicKeyPem() };
  }

  @Get('exports/:id')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "An export's zip, built and streamed now from one snapshot of the ticket (audited as export.downloaded)" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('application/zip')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: "No such export, or one of a ticket the caller may not see" })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: "The caller sees only the ticket's metadata" })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: NO_KEY })
  async download(@CurrentCaller() caller: Caller, @Param('id') exportId: string, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const download = await this.downloadExport.execute(caller, exportId);
    // A client that goes away ends the build and frees its connection.
    response.on('close', () => download.abort());
    return new StreamableFile(download.stream, { type: 'application/zip', disposition: attachmentDisposition(download.filename) });
  }
}
