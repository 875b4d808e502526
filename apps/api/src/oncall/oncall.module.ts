import { Module } from '@nestjs/common';
import { OncallController, PagesController } from './oncall.controller.js';
import { OncallService } from './oncall.service.js';

@Module({ controllers: [OncallController, PagesController], providers: [OncallService] })
export class OncallModule {}
