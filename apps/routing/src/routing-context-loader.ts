import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueRepository, QueueRoutingRepository, RoutingLookupRepository } from '@casework/database';
import {
  classifyMail,
  findTicketTag,
  followMerges,
  QueueDirectory,
  reportedMessageIds,
  SYSTEM_QUEUE_ROLES,
  threadingCandidates,
  type KnownOutbound,
  type KnownThreads,
  type MailFacts,
  type OutboundRef,
  type RoutingInput,
} from '@casework/domain';

/** One mail of a batch as the decision takes it, before the look-ups. */
export type MailToDecide = Pick<RoutingInput, 'mail' | 'rules' | 'triage' | 'language'> & { mailboxId: string };

/** What a batch's look-ups found: the decision input of each of its mails. */
export interface RoutingContext {
  inputFor(mail: MailToDecide): RoutingInput;
}

/**
 * Everything the routing decision names, loaded for a whole batch in a handful of statements:
 * the queues (creating the spam and postmaster queues on first need), the mailboxes' queues,
 * the tickets the mails' threading ids, tags and reports point to with who of their senders
 * takes part in them, our specialists among the senders, and the outbound mail bounces report on.
 * A merged ticket is replaced by the one it was merged into (followMerges), so a reply to it,
 * its [#number] tag or a bounce of its mail lands on the target.
 */
@Injectable()
export class RoutingContextLoader {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
    @Inject(QueueRoutingRepository) private readonly queueRouting: QueueRoutingRepository,
    @Inject(RoutingLookupRepository) private readonly lookups: RoutingLookupRepository,
  ) {}

  async load(mails: MailToDecide[], now: Date = new Date()): Promise<RoutingContext> {
    const db = this.dataSource;
    const facts = mails.map((mail) => mail.mail);
    const bounces = facts.filter((mail) => classifyMail(mail).kind === 'bounce');
    const senders = unique(facts.map((mail) => mail.from));
    const [queues, mailboxQueues, threadIds, tagIds, specialists, foundOutbound] = await Promise.all([
      this.directory(),
      this.mailboxQueues(unique(mails.map((mail) => mail.mailboxId))),
      this.lookups.ticketsByMessageIds(db, unique(facts.flatMap((mail) => [...threadingCandidates(mail), ...reportedMessageIds(mail)]))),
      this.lookups.ticketIdsByNumbers(db, unique(facts.map((mail) => findTicketTag(mail.subject)))),
      this.lookups.specialistsAmong(db, senders),
      this.outbound(bounces),
    ]);
    // Mail for a merged ticket goes to the ticket it was merged into (along chains): the decision only ever sees live tickets.
    const outboundRefs = [...foundOutbound.byMessageId.values(), ...foundOutbound.byRecipient.values()];
    const merges = await this.lookups.mergeEdges(db, unique([...threadIds.values(), ...tagIds.values(), ...outboundRefs.map((ref) => ref.ticketId)]));
    const byMessageId = followingMerges(threadIds, merges);
    const byNumber = followingMerges(tagIds, merges);
    const outbound: KnownOutbound = { byMessageId: refsFollowingMerges(foundOutbound.byMessageId, merges), byRecipient: refsFollowingMerges(foundOutbound.byRecipient, merges) };
    const tickets = await this.lookups.threadedTickets(db, unique([...byMessageId.values(), ...byNumber.values()]), senders);
    const known: KnownThreads = { byMessageId, byNumber, tickets, specialists };
    return {
      inputFor: (mail) => ({ ...mail, queues, mailboxQueueId: mailboxQueues.get(mail.mailboxId) ?? null, known, outbound, now }),
    };
  }

  private async directory(): Promise<QueueDirectory> {
    let directory = await this.queueRouting.directory(this.dataSource);
    if (directory.defaultQueueId === null) throw new Error('no default queue: run `npm run seed`');
    const defaultQueue = directory.queues.find((queue) => queue.id === directory.defaultQueueId)!;
    if (SYSTEM_QUEUE_ROLES.some((role) => !directory.queues.some((queue) => queue.role === role))) {
      await this.queueRouting.ensureSystemQueues(this.dataSource, defaultQueue.addresses[0]);
      directory = await this.queueRouting.directory(this.dataSource);
    }
    return new QueueDirectory(directory.queues, directory.defaultQueueId!);
  }

  private async mailboxQueues(mailboxIds: string[]): Promise<Map<string, string | null>> {
    const entries = await Promise.all(mailboxIds.map(async (id) => [id, await this.queues.mailboxQueueId(this.dataSource, id)] as const));
    return new Map(entries);
  }

  private async outbound(bounces: MailFacts[]): Promise<KnownOutbound> {
    const [byMessageId, byRecipient] = await Promise.all([
      this.lookups.outboundByMessageIds(this.dataSource, unique(bounces.flatMap(reportedMessageIds))),
      this.lookups.latestOutboundTo(this.dataSource, unique(bounces.flatMap((mail) => mail.report?.failedRecipients ?? []))),
    ]);
    return { byMessageId, byRecipient };
  }
}

function followingMerges(ticketIds: Map<string, string>, merges: ReadonlyMap<string, string>): Map<string, string> {
  if (merges.size === 0) return ticketIds;
  return new Map([...ticketIds].map(([key, ticketId]) => [key, followMerges(ticketId, merges)]));
}

function refsFollowingMerges(refs: ReadonlyMap<string, OutboundRef>, merges: ReadonlyMap<string, string>): ReadonlyMap<string, OutboundRef> {
  if (merges.size === 0) return refs;
  return new Map([...refs].map(([key, ref]) => [key, { ...ref, ticketId: followMerges(ref.ticketId, merges) }]));
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}
