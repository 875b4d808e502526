import 'reflect-metadata';
import { loadConfigOrExit, RoutingSettings } from '@casework/config';
import { bootstrapWorker } from '@casework/messaging';
import { createLogger } from '@casework/observability';
import { RoutingModule } from './routing.module.js';

const settings = loadConfigOrExit('routing', RoutingSettings);
const logger = createLogger('routing', settings.LOG_LEVEL);
await bootstrapWorker(RoutingModule.register(settings, logger), { serviceName: 'routing', natsUrl: settings.NATS_URL, streamReplicas: settings.NATS_STREAM_REPLICAS, httpPort: settings.HTTP_PORT, maxDeliver: settings.EVENT_MAX_DELIVER, logger });
