import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiSettings, ConfigError, loadConfig } from '@casework/config';
import { createLogger, PinoNestLogger } from '@casework/observability';
import { AppModule } from './app.module.js';
import { API_PREFIX } from './auth/route-access.js';
import { DOCS_PATH, setupDocs } from './docs/setup-docs.js';
import { applyHttpSecurity } from './security/http-security.js';
import { requestLogFields } from './security/request-id.js';

// Nest's global prefix is written without the leading slash.
const GLOBAL_PREFIX = API_PREFIX.slice(1);

function readConfig(): ApiSettings {
  try {
    return loadConfig(ApiSettings);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`casework api: ${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
}

async function bootstrap(): Promise<void> {
  const config = readConfig();
  const logger = createLogger('api', config.LOG_LEVEL, { mixin: requestLogFields });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, logger), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  app.disable('x-powered-by');
  applyHttpSecurity(app, config, logger, { docs: `/${DOCS_PATH}`, quietRoutes: [`/${GLOBAL_PREFIX}/health`, `/${GLOBAL_PREFIX}/metrics`] });
  app.setGlobalPrefix(GLOBAL_PREFIX);
  app.enableShutdownHooks();
  setupDocs(app, GLOBAL_PREFIX);
  await app.listen(config.PORT, '0.0.0.0');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info({ url: `http://localhost:${port}/${GLOBAL_PREFIX}` }, 'api started');
}

await bootstrap();
