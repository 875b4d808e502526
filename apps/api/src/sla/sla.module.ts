import { Module } from '@nestjs/common';
import { ListBreachesService } from './list-breaches.service.js';
import { SlaController } from './sla.controller.js';

@Module({ controllers: [SlaController], providers: [ListBreachesService] })
export class SlaModule {}
