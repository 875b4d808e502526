import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditTrail } from './audit-trail.service.js';
import { AuditController } from './audit.controller.js';
import { AuditInterceptor } from './audit.interceptor.js';
import { ListAuditUseCase } from './list-audit.use-case.js';

@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditTrail, ListAuditUseCase, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
  exports: [AuditTrail],
})
export class AuditModule {}
