import { Module } from '@nestjs/common';
import { ListQueuesUseCase } from './list-queues.use-case.js';
import { QueuesController } from './queues.controller.js';
import { UpdateQueueUseCase } from './update-queue.use-case.js';

@Module({ controllers: [QueuesController], providers: [ListQueuesUseCase, UpdateQueueUseCase] })
export class QueuesModule {}
