import { Module } from '@nestjs/common';
import { DismissTriageUseCase } from './dismiss-triage.use-case.js';
import { TriageController } from './triage.controller.js';

@Module({ controllers: [TriageController], providers: [DismissTriageUseCase] })
export class TriageModule {}
