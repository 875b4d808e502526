import { Controller, Get, Header, Inject, Param, StreamableFile } from '@nestjs/common';
import { ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { TicketAccessService } from '../access/ticket-access.service.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/error-response.dto.js';
import { attachmentDisposition } from './content-disposition.util.js';
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
  @ApiOperation({ summary: "An attachment's bytes as a download (always application/octet-stream, whatever the mail declared)" })
  @ApiParam({ name: 'ticketId', format: 'uuid' })
  @ApiParam({ name: 'attachmentId', format: 'uuid' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such attachment on this ticket' })
  @ApiGoneResponse({ type: ErrorResponseDto, description: 'The bytes were not stored (over the size limit); the raw message still holds them' })
  async download(@CurrentCaller() caller: Caller, @Param('ticketId') ticketId: string, @Param('attachmentId') attachmentId: string): Promise<StreamableFile> {
    await this.access.requireTicket(caller, ticketId, 'content');
    const { attachment, content } = await this.getAttachment.execute(ticketId, attachmentId);
    return new StreamableFile(content, {
      type: 'application/octet-stream',
      disposition: attachmentDisposition(attachment.filename),
      length: content.length,
    });
  }
}
