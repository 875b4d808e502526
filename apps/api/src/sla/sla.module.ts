import { Module } from '@nestjs/common';
import { ListBreachesUseCase } from './list-breaches.use-case.js';
import { SlaAdminService } from './sla-admin.service.js';
import { SlaController } from './sla.controller.js';

@Module({ controllers: [SlaController], providers: [ListBreachesUseCase, SlaAdminService] })
export class SlaModule {}
