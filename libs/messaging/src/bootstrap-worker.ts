import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { DeadLetterRepository } from '@casework/database';
import { PinoNestLogger } from '@casework/observability';
import { JetStreamServer } from './jetstream.server.js';

export interface WorkerOptions {
  serviceName: string;
  natsUrl: string;
  /** NATS_STREAM_REPLICAS. */
  streamReplicas: number;
  httpPort: number;
  logger: Logger;
  /** Deliveries before a failing event is dead-lettered (EVENT_MAX_DELIVER). */
  maxDeliver: number;
}

/**
 * The one shape of every worker's main: a Nest app serving /health and /metrics, with the
 * JetStream transport feeding its @EventPattern handlers; SIGTERM drains both.
 */
export async function bootstrapWorker(module: unknown, options: WorkerOptions): Promise<INestApplication> {
  const app = await NestFactory.create(module as never, { logger: new PinoNestLogger(options.logger) });
  app.enableShutdownHooks();
  const db = app.get(DataSource);
  const deadLetters = app.get(DeadLetterRepository);
  const { natsUrl, streamReplicas, serviceName, logger, maxDeliver } = options;
  app.connectMicroservice(
    { strategy: new JetStreamServer({ natsUrl, streamReplicas, serviceName, logger, maxDeliver, deadLetters: (letter) => deadLetters.record(db, letter) }) },
    { inheritAppConfig: true },
  );
  await app.startAllMicroservices();
  await app.listen(options.httpPort, '127.0.0.1');
  const address = app.getHttpServer().address();
  options.logger.info({ httpPort: typeof address === 'object' ? address?.port : options.httpPort }, `${options.serviceName} started`);
  return app;
}
