import { Module } from '@nestjs/common';
import { ListBreachesService } from './list-breaches.service.js';
import { SlaAdminService } from './sla-admin.service.js';
import { SlaController } from './sla.controller.js';

@Module({ controllers: [SlaController], providers: [ListBreachesService, SlaAdminService] })
export class SlaModule {}
