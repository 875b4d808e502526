import { Body, Controller, Get, Inject, Param, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto.js';
import { QueueDto, QueueListDto, UpdateQueueDto } from './dto/queue.dto.js';
import { ListQueuesUseCase } from './list-queues.use-case.js';
import { toQueueDto, toQueueListDto } from './queue.mapper.js';
import { UpdateQueueUseCase } from './update-queue.use-case.js';

@ApiTags('queues')
@Controller('queues')
export class QueuesController {
  constructor(
    @Inject(ListQueuesUseCase) private readonly listQueues: ListQueuesUseCase,
    @Inject(UpdateQueueUseCase) private readonly updateQueue: UpdateQueueUseCase,
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
