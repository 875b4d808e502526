import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueRepository, RawMessageRepository, RoutingRuleRepository, type QueueRecord } from '@casework/database';
import { evaluateRules, ruleFactsOf, type Rule, type RuleEvaluation, type RuleFacts } from '@casework/domain';
import { contentSignalsOf, MailParseError, type ParsedMail } from '@casework/mail';
import { TicketAccessService } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';
import { DryRunMailParser } from './dry-run-mail-parser.js';
import type { DryRunRequestDto } from './dto/dry-run.dto.js';
import { RuleErrors } from './rule.errors.js';
import { RuleInputChecker } from './rule-input-checker.js';

export interface DryRun {
  ruleSet: 'stored' | 'candidate';
  rules: Rule[];
  facts: RuleFacts;
  evaluation: RuleEvaluation;
  /** The queue the outcome moves the mail to, resolved as the router would (unknown: none). */
  queue: QueueRecord | null;
  /** The stored message's ticket, when it became one. */
  ticket: { id: string; queueId: string } | null;
}

/**
 * Which rules match a message and what they would do, changing nothing: the stored enabled rules
 * (what the router runs) or a candidate set, over a stored raw message or MIME text parsed as the
 * router parses it, its language and triage categories detected as routing detects them (or given).
 */
@Injectable()
export class DryRunRulesUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(RoutingRuleRepository) private readonly rules: RoutingRuleRepository,
    @Inject(RawMessageRepository) private readonly rawMessages: RawMessageRepository,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
    @Inject(RuleInputChecker) private readonly checker: RuleInputChecker,
    @Inject(DryRunMailParser) private readonly parser: DryRunMailParser,
  ) {}

  async execute(caller: Caller, input: DryRunRequestDto): Promise<DryRun> {
    if ((input.rawMessageId === undefined) === (input.mime === undefined)) {
      const problem = 'give exactly one of rawMessageId or mime';
      throw RuleErrors.invalid({ rawMessageId: [problem], mime: [problem] });
    }
    // Bad candidates are refused before any mail is read.
    const candidates = input.rules ? await this.candidateRules(input.rules) : null;
    const { raw, ticket } = input.rawMessageId !== undefined ? await this.storedMessage(caller, input.rawMessageId) : { raw: Buffer.from(input.mime!, 'utf8'), ticket: null };
    const mail = await this.parse(raw);
    // As routing sees the mail, unless the caller asks what rules would do with other values.
    const detected = contentSignalsOf(mail);
    const facts = ruleFactsOf(mail, {
      language: input.language ?? detected.language,
      triageCategories: input.triageCategories ?? detected.triage.categories.map((c) => c.category),
    });
    const rules = candidates ?? (await this.rules.loadEnabled(this.db)).rules;
    const evaluation = evaluateRules(rules, facts);
    return { ruleSet: candidates ? 'candidate' : 'stored', rules, facts, evaluation, queue: await this.queueOf(evaluation), ticket };
  }

  private async candidateRules(written: NonNullable<DryRunRequestDto['rules']>): Promise<Rule[]> {
    const ids = written.map((rule, index) => rule.id ?? `candidate-${index}`);
    const repeated = ids.flatMap((id, index) => (ids.indexOf(id) !== index ? [index] : []));
    if (repeated.length > 0) throw RuleErrors.invalid(Object.fromEntries(repeated.map((index) => [`rules.${index}.id`, ['names another candidate rule already']])));
    const checked = await this.checker.check(
      this.db,
      written.map((rule, index) => ({ written: rule, prefix: `rules.${index}`, position: index })),
    );
    return checked.map((rule, index) => ({ ...rule, id: ids[index] }));
  }

  /**
   * The bytes of a stored message the caller may read: those of a ticket follow the ticket's
   * queue, those of a message without one (quarantined, not routed yet) its mailbox's queue. A
   * message the caller may not read is unknown (404); a read of a restricted queue's is audited.
   */
  private async storedMessage(caller: Caller, id: string): Promise<{ raw: Buffer; ticket: { id: string; queueId: string } | null }> {
    const found = await this.rawMessages.findForInspection(this.db, id);
    if (!found) throw RuleErrors.rawMessageNotFound(id);
    await this.access.requireMessageContent(caller, { rawMessageId: id, queueId: found.mailboxQueueId, ticket: found.ticket }, () => RuleErrors.rawMessageNotFound(id));
    return { raw: found.raw, ticket: found.ticket };
  }

  private async parse(raw: Buffer): Promise<ParsedMail> {
    try {
      return await this.parser.parse(raw);
    } catch (error) {
      if (error instanceof MailParseError) throw RuleErrors.unparsable(error.reason, error.message);
      throw error;
    }
  }

  /** As the router: a queue named by a rule that no longer exists moves nothing. */
  private async queueOf({ outcome }: RuleEvaluation): Promise<QueueRecord | null> {
    if (!outcome.queue) return null;
    if ('queueSlug' in outcome.queue) return this.queues.findBySlug(this.db, outcome.queue.queueSlug);
    return this.queues.find(this.db, outcome.queue.queueId);
  }
}
