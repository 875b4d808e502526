import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RoutingSettings } from '@casework/config';
import { HashListRepository, QueueRepository } from '@casework/database';
import { hashListHit, type HashListHit } from '@casework/domain';
import type { ParsedMail } from '@casework/mail';
import { ROUTING_SETTINGS } from './routing.tokens.js';

/** What the screen found for one batch: each mail's hit (null: none) and, when any, the child-safety queue. */
export interface BatchScreen {
  hitOf(mail: ParsedMail): HashListHit | null;
  /** Null when the batch has no hit (the queue is then not looked up). */
  childSafetyQueueId: string | null;
}

const NOTHING_LISTED: BatchScreen = { hitOf: () => null, childSafetyQueueId: null };

/**
 * Every attachment of a batch checked against the hash lists: the SHA-256 and MD5 of all of
 * them in one indexed probe (nothing cached, so a list uploaded through the API counts from the
 * next batch on, in every routing replica), none at all for a batch without attachments. A hit
 * resolves CHILD_SAFETY_QUEUE, creating it restricted on first need; its id is kept (a queue's
 * slug never changes and queues are not deleted).
 */
@Injectable()
export class HashListScreen {
  private childSafetyQueueId: string | null = null;

  constructor(
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(HashListRepository) private readonly hashLists: HashListRepository,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
  ) {}

  async screen(mails: readonly ParsedMail[]): Promise<BatchScreen> {
    const hashes = mails.flatMap((mail) => mail.attachments.flatMap((attachment) => [attachment.sha256, attachment.md5]));
    if (hashes.length === 0) return NOTHING_LISTED;
    const listed = await this.hashLists.listed(this.db, hashes);
    if (listed.size === 0) return NOTHING_LISTED;
    const hits = new Map(mails.map((mail) => [mail, hashListHit(mail.attachments, listed)]));
    return { hitOf: (mail) => hits.get(mail) ?? null, childSafetyQueueId: await this.childSafetyQueue() };
  }

  private async childSafetyQueue(): Promise<string> {
    if (this.childSafetyQueueId) return this.childSafetyQueueId;
    const slug = this.settings.CHILD_SAFETY_QUEUE;
    let queue = await this.queues.findBySlug(this.db, slug);
    if (!queue) {
      const fallback = await this.queues.findDefault(this.db);
      if (!fallback) throw new Error('no default queue: run `npm run seed`');
      // Restricted: nobody sees it until an admin grants access (need-to-know). A racing replica's insert wins harmlessly.
      await this.queues.create(this.db, { slug, name: 'Child safety', address: fallback.address, restricted: true });
      queue = await this.queues.findBySlug(this.db, slug);
    }
    this.childSafetyQueueId = queue!.id;
    return queue!.id;
  }
}
