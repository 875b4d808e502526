import { Module } from '@nestjs/common';
import { WebhooksController, WebhooksService } from './webhooks.controller.js';

@Module({ controllers: [WebhooksController], providers: [WebhooksService] })
export class WebhooksModule {}
