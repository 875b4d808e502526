import { Body, Controller, Get, Inject, Param, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto.js';
import { QueueDto, QueueListDto, UpdateQueueDto } from './dto/queue.dto.js';
import { ListQueuesService } from './list-queues.service.js';
import { toQueueDto, toQueueListDto } from './queue.mapper.js';
import { UpdateQueueService } from './update-queue.service.js';

@ApiTags('queues')
@Controller('queues')
export class QueuesController {
  constructor(
    @Inject(ListQueuesService) private readonly listQueues: ListQueuesService,
    @Inject(UpdateQueueService) private readonly updateQueue: UpdateQueueService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'All queues' })
  @ApiOkResponse({ type: QueueListDto })
  async list(): Promise<QueueListDto> {
    return toQueueListDto(await this.listQueues.execute());
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a queue: its ops list (where the queue's SLA warnings, breaches and fallback pages go); 400 names the fields" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: QueueDto })
  @ApiBadRequestResponse({ type: ValidationErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async update(@Param('id') id: string, @Body() body: UpdateQueueDto): Promise<QueueDto> {
    return toQueueDto(await this.updateQueue.execute(id, body));
  }
}
