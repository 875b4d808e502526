import { Module } from '@nestjs/common';
import { ListQueuesService } from './list-queues.service.js';
import { QueuesController } from './queues.controller.js';

@Module({ controllers: [QueuesController], providers: [ListQueuesService] })
export class QueuesModule {}
