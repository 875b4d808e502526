import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { QueueListDto } from './dto/queue.dto.js';
import { ListQueuesService } from './list-queues.service.js';
import { toQueueListDto } from './queue.mapper.js';

@ApiTags('queues')
@Controller('queues')
export class QueuesController {
  constructor(@Inject(ListQueuesService) private readonly listQueues: ListQueuesService) {}

  @Get()
  @ApiOperation({ summary: 'All queues' })
  @ApiOkResponse({ type: QueueListDto })
  async list(): Promise<QueueListDto> {
    return toQueueListDto(await this.listQueues.execute());
  }
}
