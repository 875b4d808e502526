import { Module } from '@nestjs/common';
import { GetQuarantinedRawUseCase } from './get-quarantined-raw.use-case.js';
import { ListQuarantineUseCase } from './list-quarantine.use-case.js';
import { QuarantineController } from './quarantine.controller.js';
import { RetryQuarantinedUseCase } from './retry-quarantined.use-case.js';

@Module({ controllers: [QuarantineController], providers: [ListQuarantineUseCase, GetQuarantinedRawUseCase, RetryQuarantinedUseCase] })
export class QuarantineModule {}
