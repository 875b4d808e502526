/**
 * The api with the ticket access rule taken out, for bench:authz's baseline only: the same
 * modules, routes, authentication and audit, but every caller's scope sees every queue in full
 * (loaded once), so nothing per request loads grants or filters by them. Never a deployment.
 */
import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { ApiSettings, loadConfigOrExit } from '@casework/config';
import { createLogger, PinoNestLogger } from '@casework/observability';
import { TicketAccessService, TicketScope } from '../src/access/ticket-access.service.js';
import { configureApiApp, listenApi } from '../src/api-app.js';
import { AppModule } from '../src/app.module.js';
import type { Caller } from '../src/auth/caller.js';

class EveryQueueInFull extends TicketAccessService {
  private everything: Promise<TicketScope> | null = null;

  override scopeOf(_caller: Caller): Promise<TicketScope> {
    this.everything ??= this.allQueues().then((ids) => new TicketScope(new Map(ids.map((id) => [id, { view: 'full', write: true, restricted: false }]))));
    return this.everything;
  }

  private async allQueues(): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query('SELECT id FROM queue');
    return rows.map((row) => row.id);
  }
}

const config = loadConfigOrExit('api (no authz)', ApiSettings);
const logger = createLogger('api-no-authz', config.LOG_LEVEL);
const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config, logger)] })
  .overrideProvider(TicketAccessService)
  .useClass(EveryQueueInFull)
  .compile();
const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: new PinoNestLogger(logger), bodyParser: false });
configureApiApp(app, config, logger);
await listenApi(app, config, logger);
