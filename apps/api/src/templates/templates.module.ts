import { Module } from '@nestjs/common';
import { PreviewTemplateUseCase } from './preview-template.use-case.js';
import { ReadTemplatesUseCase } from './read-templates.use-case.js';
import { SaveTemplateUseCase } from './save-template.use-case.js';
import { TemplatesController } from './templates.controller.js';

@Module({
  controllers: [TemplatesController],
  providers: [ReadTemplatesUseCase, SaveTemplateUseCase, PreviewTemplateUseCase],
})
export class TemplatesModule {}
