import { readFileSync } from 'node:fs';
import { classifyMail, decideRouting, NO_RULES_MATCHED, NO_TRIAGE, QueueDirectory, reportedMessageIds, threadingCandidates, type KnownTicket, type MailFacts, type RoutingDecision, type RoutingInput } from '@casework/domain';
import { MailParseError, parseMail, routingFactsOf } from '@casework/mail';
import { loadCorpus, type CorpusEntry } from '../support/corpus.js';

/**
 * The routing decision over real mail, without a database: every bounce and auto-reply of the
 * corpus ends attached to the ticket of the message it reports on or in the postmaster queue,
 * never as a ticket elsewhere; a real client's reply threads onto the ticket its headers name,
 * by whichever of its ids is ours, and is flagged when its sender is a stranger.
 */
const SAFETY = 'safety';
const POSTMASTER = 'postmaster';
const settings = { unknownSenderFollowup: 'flag' as const, reopenWindowDays: 30, spamScoreThreshold: 5 };
const queues = new QueueDirectory(
  [
    { id: SAFETY, addresses: ['safety@casework.test'], role: null, settings },
    { id: 'spam', addresses: ['safety@casework.test'], role: 'spam', settings },
    { id: POSTMASTER, addresses: ['safety@casework.test'], role: 'postmaster', settings },
  ],
  SAFETY,
);

function input(mail: MailFacts, overrides: Partial<RoutingInput> = {}): RoutingInput {
  return {
    mail,
    queues,
    mailboxQueueId: null,
    known: { byMessageId: new Map(), byNumber: new Map(), tickets: new Map(), specialists: new Set() },
    outbound: { byMessageId: new Map(), byRecipient: new Map() },
    rules: NO_RULES_MATCHED,
    triage: NO_TRIAGE,
    language: null,
    now: new Date(),
    ...overrides,
  };
}

function ticket(participants: string[]): KnownTicket {
  return { id: 'ticket', queueId: SAFETY, status: 'open', resolvedAt: null, participants: new Set(participants), priority: 'normal', triage: NO_TRIAGE, language: null };
}

/** The corpus entries with these tags, parsed (files the parser refuses are left out: they are quarantined). */
async function parsedWith(predicate: (entry: CorpusEntry) => boolean): Promise<{ entry: CorpusEntry; facts: MailFacts }[]> {
  const parsed: { entry: CorpusEntry; facts: MailFacts }[] = [];
  for (const entry of loadCorpus().filter(predicate)) {
    try {
      parsed.push({ entry, facts: routingFactsOf(await parseMail(readFileSync(entry.absolutePath)), null) });
    } catch (error) {
      if (!(error instanceof MailParseError)) throw error;
    }
  }
  return parsed;
}

/** Tagged bounces that are a person forwarding a bounce to us: a person's mail, a ticket like any other. */
const FORWARDED_BY_A_PERSON = new Set(['sisimai-set-of-emails/maildir/bsd/lhost-sendmail-14.eml', 'sisimai-set-of-emails/maildir/err/make-test-36.eml']);

const where = (decision: RoutingDecision) => (decision.action === 'open' ? decision.queueId : decision.action);

describe('the routing decision over the real-mail corpus', () => {
  it('sends every bounce and auto-reply that matches none of our mail to the postmaster queue, never elsewhere', async () => {
    const reports = await parsedWith((entry) => entry.tags.some((tag) => tag === 'bounce/dsn' || tag.startsWith('auto-reply')) && !FORWARDED_BY_A_PERSON.has(entry.path));
    expect(reports.length).toBeGreaterThan(700);
    const elsewhere = reports.filter(({ facts }) => where(decideRouting(input(facts))) !== POSTMASTER).map(({ entry }) => entry.path);
    expect(elsewhere).toEqual([]);
  });

  it('attaches a bounce to the ticket of our message when its original Message-ID is ours', async () => {
    const bounces = await parsedWith((entry) => entry.tags.includes('bounce/dsn') && !FORWARDED_BY_A_PERSON.has(entry.path));
    const withOriginal = bounces.filter(({ facts }) => reportedMessageIds(facts).length > 0);
    // Most bounces quote the original's headers; the rest name only a recipient.
    expect(withOriginal.length / bounces.length).toBeGreaterThan(0.8);
    const unattached = withOriginal.filter(({ facts }) => {
      const outbound = new Map(reportedMessageIds(facts).map((id) => [id, { outboundId: 'out', ticketId: 'ticket' }]));
      const decision = decideRouting(input(facts, { outbound: { byMessageId: outbound, byRecipient: new Map() } }));
      return !(decision.action === 'note' && decision.bounce?.outboundId === 'out');
    });
    expect(unattached.map(({ entry }) => entry.path)).toEqual([]);
  });

  it("threads a real client's reply by any of its ids, flagged when the sender is a stranger", async () => {
    const replies = (await parsedWith((entry) => entry.tags.some((tag) => tag.startsWith('reply(')) && !entry.tags.includes('bounce/dsn'))).filter(
      ({ facts }) => facts.from !== null && ['automated', 'person'].includes(classifyMail(facts).kind),
    );
    expect(replies.length).toBeGreaterThan(15);
    for (const { entry, facts } of replies) {
      // Ours: the root of the conversation (the oldest id), so every value must be looked at, not just the first.
      const candidates = threadingCandidates(facts);
      const known = (participants: string[]) => ({ byMessageId: new Map([[candidates.at(-1)!, 'ticket']]), byNumber: new Map(), tickets: new Map([['ticket', ticket(participants)]]), specialists: new Set<string>() });
      expect({ path: entry.path, decision: decideRouting(input(facts, { known: known([facts.from!]) })) }).toMatchObject({ path: entry.path, decision: { action: 'followup', ticketId: 'ticket', flagged: null } });
      expect({ path: entry.path, decision: decideRouting(input(facts, { known: known(['requester@example.org']) })) }).toMatchObject({ path: entry.path, decision: { action: 'followup', flagged: 'unknown_sender' } });
    }
  });
});
