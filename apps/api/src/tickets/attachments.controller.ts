import { Controller, Get, Header, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiForbiddenResponse, ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { TicketAccessService } from '../access/ticket-access.service.js';
import { noteChange } from '../audit/audit-context.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/error-response.dto.js';
import { attachmentDisposition } from './content-disposition.util.js';
import { AttachmentDownloadQueryDto } from './dto/attachment-download.dto.js';
import { GetAttachmentUseCase } from './get-attachment.use-case.js';

@ApiTags('tickets')
@Controller('tickets')
export class AttachmentsController {
  constructor(
    @Inject(GetAttachmentUseCase) private readonly getAttachment: GetAttachmentUseCase,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
  ) {}

  @Get(':ticketId/attachments/:attachmentId')
  // Hostile content: always a download of opaque bytes, never sniffed, rendered or cached.
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Content-Security-Policy', 'sandbox')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "An attachment's bytes as a download (always application/octet-stream and Content-Disposition: attachment, whatever the mail declared), each download audited",
  })
  @ApiParam({ name: 'ticketId', format: 'uuid' })
  @ApiParam({ name: 'attachmentId', format: 'uuid' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'AttachmentBlocked: on a hash list; only an admin fetches it, with ?reason=' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such attachment on this ticket' })
  @ApiGoneResponse({ type: ErrorResponseDto, description: 'The bytes were not stored (over the size limit); the raw message still holds them' })
  async download(
    @CurrentCaller() caller: Caller,
    @Param('ticketId') ticketId: string,
    @Param('attachmentId') attachmentId: string,
    @Query() query: AttachmentDownloadQueryDto,
  ): Promise<StreamableFile> {
    const { queueId } = await this.access.requireTicket(caller, ticketId, 'content');
    const { attachment, content, releasedFor } = await this.getAttachment.execute(caller, ticketId, attachmentId, query.reason);
    // Who fetched which file (never its name: that is the mail's content); a blocked one with the reason given.
    noteChange({
      subject: `attachment:${attachment.id}`,
      ticketIds: [ticketId],
      queueId,
      details: { attachmentId: attachment.id, sha256: attachment.sha256, size: attachment.size, blocked: attachment.blocked, ...(releasedFor !== null ? { reason: releasedFor } : {}) },
    });
    return new StreamableFile(content, {
      type: 'application/octet-stream',
      disposition: attachmentDisposition(attachment.filename),
      length: content.length,
    });
  }
}
