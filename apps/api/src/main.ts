import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiSettings, loadConfigOrExit } from '@casework/config';
import { createLogger, PinoNestLogger } from '@casework/observability';
import { configureApiApp, listenApi } from './api-app.js';
import { AppModule } from './app.module.js';
import { requestLogFields } from './security/request-id.js';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit('api', ApiSettings);
  const logger = createLogger('api', config.LOG_LEVEL, { mixin: requestLogFields });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, logger), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  configureApiApp(app, config, logger);
  await listenApi(app, config, logger);
}

await bootstrap();
