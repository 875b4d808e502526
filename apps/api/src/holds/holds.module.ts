import { Module } from '@nestjs/common';
import { WorkspaceModule } from '../workspace/workspace.module.js';
import { LegalHoldsController } from './legal-holds.controller.js';
import { LegalHoldsUseCase } from './legal-holds.use-case.js';

/** Legal holds on tickets and people (issue 15). */
@Module({ imports: [WorkspaceModule], controllers: [LegalHoldsController], providers: [LegalHoldsUseCase] })
export class HoldsModule {}
