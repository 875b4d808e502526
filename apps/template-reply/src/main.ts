import 'reflect-metadata';
import { loadConfigOrExit, TemplateReplySettings } from '@casework/config';
import { bootstrapWorker } from '@casework/messaging';
import { createLogger } from '@casework/observability';
import { TemplateReplyModule } from './template-reply.module.js';

const settings = loadConfigOrExit('template-reply', TemplateReplySettings);
const logger = createLogger('template-reply', settings.LOG_LEVEL);
await bootstrapWorker(TemplateReplyModule.register(settings, logger), {
  serviceName: 'template-reply',
  natsUrl: settings.NATS_URL, streamReplicas: settings.NATS_STREAM_REPLICAS,
  httpPort: settings.HTTP_PORT,
  maxDeliver: settings.EVENT_MAX_DELIVER,
  logger,
});
