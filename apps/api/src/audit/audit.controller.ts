import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditRepository } from '@casework/database';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto.js';
import { DEFAULT_PAGE_LIMIT } from '../common/page-query.dto.js';
import { toAuditEventDto } from './audit.mapper.js';
import { AuditPageDto, AuditVerdictDto, ListAuditQueryDto } from './dto/audit.dto.js';
import { ListAuditUseCase } from './list-audit.use-case.js';

@ApiTags('audit')
@ApiBadRequestResponse({ type: ValidationErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Controller('audit')
export class AuditController {
  constructor(
    @Inject(ListAuditUseCase) private readonly listAudit: ListAuditUseCase,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The audit trail, newest first (admin: all; lead: the queues they can read)' })
  @ApiOkResponse({ type: AuditPageDto })
  async list(@CurrentCaller() caller: Caller, @Query() query: ListAuditQueryDto): Promise<AuditPageDto> {
    const { ticketId, actorId, action, since, until, limit, cursor } = query;
    const page = await this.listAudit.execute(caller, { ticketId, actorId, action, since, until }, { limit: limit ?? DEFAULT_PAGE_LIMIT, cursor });
    return { items: page.items.map(toAuditEventDto), nextCursor: page.nextCursor };
  }

  @Get('verify')
  @ApiOperation({ summary: 'Walks the hash chain: ok, how many events were checked, the first broken one' })
  @ApiOkResponse({ type: AuditVerdictDto })
  verify(): Promise<AuditVerdictDto> {
    return this.audit.verify(this.db);
  }
}
