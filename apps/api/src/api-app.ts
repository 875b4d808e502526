import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import type { ApiSettings } from '@casework/config';
import { API_PREFIX } from './auth/route-access.js';
import { DOCS_PATH, setupDocs } from './docs/setup-docs.js';
import { applyHttpSecurity } from './security/http-security.js';
import { serveWebInbox } from './web/serve-web-inbox.js';

// Nest's global prefix is written without the leading slash.
const GLOBAL_PREFIX = API_PREFIX.slice(1);

/** What every API process sets up on its Nest app before it listens: security, the prefix, the docs, the web inbox at /. */
export function configureApiApp(app: NestExpressApplication, config: ApiSettings, logger: Logger): void {
  app.disable('x-powered-by');
  applyHttpSecurity(app, config, logger, { docs: `/${DOCS_PATH}`, quietRoutes: [`/${GLOBAL_PREFIX}/health`, `/${GLOBAL_PREFIX}/metrics`] });
  app.setGlobalPrefix(GLOBAL_PREFIX);
  app.enableShutdownHooks();
  setupDocs(app, GLOBAL_PREFIX);
  serveWebInbox(app, logger, config.WEB_DIST_DIR);
}

/** Listens on config.PORT and logs the API's URL. */
export async function listenApi(app: NestExpressApplication, config: ApiSettings, logger: Logger): Promise<void> {
  await app.listen(config.PORT, '0.0.0.0');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info({ url: `http://localhost:${port}/${GLOBAL_PREFIX}`, inbox: `http://localhost:${port}/` }, 'api started');
}
