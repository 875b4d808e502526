import { Module } from '@nestjs/common';
import { HashListsController } from './hash-lists.controller.js';
import { UploadHashValuesUseCase } from './upload-hash-values.use-case.js';

@Module({ controllers: [HashListsController], providers: [UploadHashValuesUseCase] })
export class HashListsModule {}
