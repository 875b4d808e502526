import { Module } from '@nestjs/common';
import { GetQuarantinedRawService } from './get-quarantined-raw.service.js';
import { ListQuarantineService } from './list-quarantine.service.js';
import { QuarantineController } from './quarantine.controller.js';
import { RetryQuarantinedService } from './retry-quarantined.service.js';

@Module({ controllers: [QuarantineController], providers: [ListQuarantineService, GetQuarantinedRawService, RetryQuarantinedService] })
export class QuarantineModule {}
