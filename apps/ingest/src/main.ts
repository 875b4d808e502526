import 'reflect-metadata';
import { IngestSettings, loadConfigOrExit } from '@casework/config';
import { bootstrapWorker } from '@casework/messaging';
import { createLogger } from '@casework/observability';
import { IngestModule } from './ingest.module.js';

const settings = loadConfigOrExit('ingest', IngestSettings);
const logger = createLogger('ingest', settings.LOG_LEVEL);
await bootstrapWorker(IngestModule.register(settings, logger), { serviceName: 'ingest', natsUrl: settings.NATS_URL, streamReplicas: settings.NATS_STREAM_REPLICAS, httpPort: settings.HTTP_PORT, maxDeliver: settings.EVENT_MAX_DELIVER, logger });
