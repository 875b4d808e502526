import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Injectable, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { WebhookRepository, type WebhookDeliveryRecord, type WebhookRecord } from '@casework/database';
import { DomainError } from '@casework/domain';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto.js';
import { isUuid } from '../common/uuid.util.js';
import { CreateWebhookDto, WebhookDeliveryDto, WebhookDeliveryListDto, WebhookDto, WebhookListDto } from './dto/webhooks.dto.js';

const DELIVERY_LOG_LIMIT = 200;

const notFound = (id: string) => new DomainError('WebhookNotFound', `webhook ${JSON.stringify(id.slice(0, 64))} not found`);

/** The secret never leaves: a webhook is shown without it. */
const toWebhookDto = (w: WebhookRecord): WebhookDto => ({ id: w.id, url: w.url, events: w.events, enabled: w.enabled, createdAt: w.createdAt.toISOString() });

const toDeliveryDto = (d: WebhookDeliveryRecord): WebhookDeliveryDto => ({
  id: d.id,
  eventId: d.eventId,
  event: d.event,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.nextAttemptAt.toISOString(),
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastError,
  sentAt: d.sentAt?.toISOString() ?? null,
  createdAt: d.createdAt.toISOString(),
});

@Injectable()
export class WebhooksService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WebhookRepository) private readonly webhooks: WebhookRepository,
  ) {}

  create(body: CreateWebhookDto): Promise<WebhookRecord> {
    return this.webhooks.create(this.dataSource, { url: body.url, secret: body.secret, events: body.events, enabled: body.enabled ?? true });
  }

  list(): Promise<WebhookRecord[]> {
    return this.webhooks.list(this.dataSource);
  }

  async delete(id: string): Promise<void> {
    if (!isUuid(id) || !(await this.webhooks.delete(this.dataSource, id))) throw notFound(id);
  }

  async deliveries(id: string): Promise<WebhookDeliveryRecord[]> {
    if (!isUuid(id) || !(await this.webhooks.find(this.dataSource, id))) throw notFound(id);
    return this.webhooks.deliveries(this.dataSource, id, DELIVERY_LOG_LIMIT);
  }
}

@ApiTags('webhooks')
@ApiBadRequestResponse({ type: ValidationErrorResponseDto })
@Controller('webhooks')
export class WebhooksController {
  constructor(@Inject(WebhooksService) private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({ summary: 'Register a webhook (events: sla.breached, sla.warning, page.sent); the secret is write-only' })
  @ApiCreatedResponse({ type: WebhookDto })
  async create(@Body() body: CreateWebhookDto): Promise<WebhookDto> {
    return toWebhookDto(await this.webhooks.create(body));
  }

  @Get()
  @ApiOkResponse({ type: WebhookListDto })
  async list(): Promise<WebhookListDto> {
    return { items: (await this.webhooks.list()).map(toWebhookDto) };
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remove(@Param('id') id: string): Promise<void> {
    await this.webhooks.delete(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log of a webhook, newest first (last 200)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: WebhookDeliveryListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async deliveries(@Param('id') id: string): Promise<WebhookDeliveryListDto> {
    return { items: (await this.webhooks.deliveries(id)).map(toDeliveryDto) };
  }
}
