import { Body, Controller, Get, Inject, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { changedFields, noteChange } from '../audit/audit-context.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto.js';
import { CreateQueueUseCase } from './create-queue.use-case.js';
import { CreateQueueDto, QueueAccessDto, QueueCountsDto, QueueDto, QueueListDto, UpdateQueueDto } from './dto/queue.dto.js';
import { ListQueuesUseCase } from './list-queues.use-case.js';
import { QueueAccessUseCase } from './queue-access.use-case.js';
import { QueueCountsUseCase } from './queue-counts.use-case.js';
import { toQueueDto, toQueueListDto } from './queue.mapper.js';
import { UpdateQueueUseCase } from './update-queue.use-case.js';

@ApiTags('queues')
@ApiBadRequestResponse({ type: ValidationErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Controller('queues')
export class QueuesController {
  constructor(
    @Inject(ListQueuesUseCase) private readonly listQueues: ListQueuesUseCase,
    @Inject(CreateQueueUseCase) private readonly createQueue: CreateQueueUseCase,
    @Inject(UpdateQueueUseCase) private readonly updateQueue: UpdateQueueUseCase,
    @Inject(QueueAccessUseCase) private readonly access: QueueAccessUseCase,
    @Inject(QueueCountsUseCase) private readonly counts: QueueCountsUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'All queues, each with whether it is restricted' })
  @ApiOkResponse({ type: QueueListDto })
  async list(): Promise<QueueListDto> {
    return toQueueListDto(await this.listQueues.execute());
  }

  @Get('counts')
  @ApiOperation({ summary: 'Open and breached tickets per queue, over the queues whose tickets the caller sees' })
  @ApiOkResponse({ type: QueueCountsDto })
  async ticketCounts(@CurrentCaller() caller: Caller): Promise<QueueCountsDto> {
    return { items: await this.counts.execute(caller) };
  }

  @Post()
  @ApiOperation({ summary: 'Add a queue (admin)' })
  @ApiCreatedResponse({ type: QueueDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The slug or the address is taken' })
  async create(@Body() body: CreateQueueDto): Promise<QueueDto> {
    const queue = await this.createQueue.execute(body);
    noteChange({ queueId: queue.id, details: { slug: queue.slug, name: queue.name, address: queue.address, addresses: queue.addresses, restricted: queue.restricted, ...queue.routing, defaultLocale: queue.defaultLocale, emergency: queue.emergency, retentionDays: queue.retentionDays, ...queue.assignment } });
    return toQueueDto(queue);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a queue (admin): name, addresses, restricted, ops list, routing settings, default locale, time zone, emergency; 400 names the fields' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: QueueDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The address is taken' })
  async update(@Param('id') id: string, @Body() body: UpdateQueueDto): Promise<QueueDto> {
    const { before, after } = await this.updateQueue.execute(id, body);
    noteChange({ queueId: id, details: { ...changedFields(before, after, ['name', 'address', 'restricted', 'opsEmails', 'addresses', 'defaultLocale', 'timeZone', 'emergency', 'retentionDays']), ...changedFields(before.routing, after.routing, ['unknownSenderFollowup', 'reopenWindowDays', 'spamScoreThreshold']), ...changedFields(before.assignment, after.assignment, ['autoAssign', 'maxOpenPerAssignee']) } });
    return toQueueDto(after);
  }

  @Get(':id/access')
  @ApiOperation({ summary: "The queue's grants (admin)" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: QueueAccessDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async grants(@Param('id') id: string): Promise<QueueAccessDto> {
    return { grants: await this.access.list(id) };
  }

  @Put(':id/access')
  @ApiOperation({ summary: "Replace the queue's grants (admin); an admin who needs into a restricted queue grants themselves, and it is audited" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: QueueAccessDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async replaceGrants(@Param('id') id: string, @Body() body: QueueAccessDto): Promise<QueueAccessDto> {
    const { before, after } = await this.access.replace(id, body.grants);
    noteChange({ queueId: id, details: { grants: { before, after } } });
    return { grants: after };
  }
}
