import { Module } from '@nestjs/common';
import { DeadLettersController } from './dead-letters.controller.js';
import { ListDeadLettersUseCase } from './list-dead-letters.use-case.js';
import { RedriveDeadLetterUseCase } from './redrive-dead-letter.use-case.js';

@Module({ controllers: [DeadLettersController], providers: [ListDeadLettersUseCase, RedriveDeadLetterUseCase] })
export class DeadLettersModule {}
