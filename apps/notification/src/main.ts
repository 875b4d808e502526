import 'reflect-metadata';
import { loadConfigOrExit, NotificationSettings } from '@casework/config';
import { bootstrapWorker } from '@casework/messaging';
import { createLogger } from '@casework/observability';
import { NotificationModule } from './notification.module.js';

const settings = loadConfigOrExit('notification', NotificationSettings);
const logger = createLogger('notification', settings.LOG_LEVEL);
await bootstrapWorker(NotificationModule.register(settings, logger), {
  serviceName: 'notification',
  natsUrl: settings.NATS_URL, streamReplicas: settings.NATS_STREAM_REPLICAS,
  httpPort: settings.HTTP_PORT,
  maxDeliver: settings.EVENT_MAX_DELIVER,
  logger,
});
