import { pathToFileURL } from 'node:url';
import type { FactoryProvider } from '@nestjs/common';
import type { RoutingSettings } from '@casework/config';
import { MailParserPool } from '@casework/mail';

/** The parser pool, sized and budgeted by the routing settings; RoutingModule closes it on shutdown. */
export function mailParserPoolProvider(settings: RoutingSettings): FactoryProvider<MailParserPool> {
  return {
    provide: MailParserPool,
    useFactory: () =>
      new MailParserPool({
        workers: settings.MAIL_PARSER_WORKERS,
        timeoutMs: settings.MAIL_PARSE_TIMEOUT_MS,
        maxBytes: settings.MAIL_MAX_BYTES,
        workerUrl: settings.MAIL_PARSER_TEST_WORKER ? pathToFileURL(settings.MAIL_PARSER_TEST_WORKER) : undefined,
      }),
  };
}
