import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { MailParserPool, type ParsedMail } from '@casework/mail';

/**
 * The MIME parser of dry-runs: the routing service's worker-thread pool (time and size budget),
 * so a pathological message costs the api a worker, never its event loop. One worker, started
 * at the first dry-run: most api processes never parse mail.
 */
@Injectable()
export class DryRunMailParser implements OnApplicationShutdown {
  private pool: MailParserPool | null = null;

  /** Rejects with MailParseError when the message is at fault. */
  parse(raw: Buffer): Promise<ParsedMail> {
    this.pool ??= new MailParserPool({ workers: 1 });
    return this.pool.parse(raw);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.close();
  }
}
