import { Module } from '@nestjs/common';
import { ListQueuesService } from './list-queues.service.js';
import { QueuesController } from './queues.controller.js';
import { UpdateQueueService } from './update-queue.service.js';

@Module({ controllers: [QueuesController], providers: [ListQueuesService, UpdateQueueService] })
export class QueuesModule {}
