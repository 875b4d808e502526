import { Module } from '@nestjs/common';
import { CreateQueueUseCase } from './create-queue.use-case.js';
import { ListQueuesUseCase } from './list-queues.use-case.js';
import { QueueAccessUseCase } from './queue-access.use-case.js';
import { QueueCountsUseCase } from './queue-counts.use-case.js';
import { QueuesController } from './queues.controller.js';
import { UpdateQueueUseCase } from './update-queue.use-case.js';

@Module({ controllers: [QueuesController], providers: [ListQueuesUseCase, CreateQueueUseCase, UpdateQueueUseCase, QueueAccessUseCase, QueueCountsUseCase] })
export class QueuesModule {}
