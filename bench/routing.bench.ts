/**
 * bench:routing — what rules, triage and language detection add to routing one mail, in one
 * process, no I/O. Every corpus message (CORPUS_DIR, default ../shared/corpus) is parsed once
 * beforehand (parseMail, routingFactsOf; not counted). Then, per message and round, two timings:
 *
 *   baseline  decideRouting alone, with no rules and no triage (what routing did before them)
 *   added     what apps/routing/src/routing-signals.ts adds: contentSignalsOf (triage over the
 *             full lexicons, language detection) + ruleFactsOf + evaluateRules over 200 rules +
 *             ruleOutcomeOf
 *
 * and the full decision (added + decideRouting with those inputs) for decisions per second. The
 * two run interleaved, their order swapped every round, after one warm-up round. The 200 rules
 * (bench/routing-rules.ts) mix header, subject and body regex / contains / equals, sender lists,
 * language and triage-category conditions, and setQueue / addTags / setPriority actions; none
 * stops, so each mail meets all 200. Goal (issue 12): ≤ 2 ms p99 added. Options: --rules N (200),
 * --rounds R (5). Ends with one JSON line.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  decideRouting,
  evaluateRules,
  NO_RULES_MATCHED,
  NO_TRIAGE,
  QueueDirectory,
  ruleFactsOf,
  ruleOutcomeOf,
  type MailFacts,
  type QueueRoutingSettings,
  type RoutingInput,
  type Rule,
} from '@casework/domain';
import { contentSignalsOf, parseMail, routingFactsOf, type ParsedMail } from '@casework/mail';
import { loadCorpus } from '../test/support/corpus.js';
import { option, percentile } from './bench-options.js';
import { BENCH_QUEUE_SLUGS, benchRules } from './routing-rules.js';

const TARGET = { addedP99Ms: 2 };
const RULES = option('rules', 200, { integer: true });
const ROUNDS = option('rounds', 5, { integer: true });

const settings: QueueRoutingSettings = { unknownSenderFollowup: 'flag', reopenWindowDays: 30, spamScoreThreshold: 5 };
const queueId = (slug: string) => `queue-${slug}`;
const queues = new QueueDirectory(
  [
    ...BENCH_QUEUE_SLUGS.map((slug) => ({ id: queueId(slug), addresses: [`${slug}@casework.test`], role: null, settings })),
    { id: 'queue-spam', addresses: ['safety@casework.test'], role: 'spam' as const, settings },
    { id: 'queue-postmaster', addresses: ['safety@casework.test'], role: 'postmaster' as const, settings },
  ],
  queueId('safety'),
);
const known: RoutingInput['known'] = { byMessageId: new Map(), byNumber: new Map(), tickets: new Map(), specialists: new Set() };
const outbound: RoutingInput['outbound'] = { byMessageId: new Map(), byRecipient: new Map() };
const NOW = new Date();

interface Prepared {
  mail: ParsedMail;
  facts: MailFacts;
}

async function prepareCorpus(): Promise<{ prepared: Prepared[]; unparsable: number }> {
  let corpus;
  try {
    corpus = loadCorpus();
  } catch (error) {
    throw new Error(`${(error as Error).message}. The corpus is the workspace's shared folder ../shared/corpus (see its README); point CORPUS_DIR at a copy of it.`);
  }
  const prepared: Prepared[] = [];
  let unparsable = 0;
  for (const entry of corpus) {
    try {
      const mail = await parseMail(readFileSync(entry.absolutePath));
      prepared.push({ mail, facts: routingFactsOf(mail, null) });
    } catch {
      // Quarantined in routing: never reaches the decision.
      unparsable += 1;
    }
  }
  return { prepared, unparsable };
}

/** Per part of the added work, for where the time goes: content (triage + language), rules. */
const partMs = { content: [] as number[], rules: [] as number[] };

function addedSignals(rules: Rule[], mail: ParsedMail, counted: boolean): Pick<RoutingInput, 'rules' | 'triage' | 'language'> {
  const start = performance.now();
  const { triage, language } = contentSignalsOf(mail);
  const content = performance.now();
  const facts = ruleFactsOf(mail, { language, triageCategories: triage.categories.map((c) => c.category) });
  const outcome = ruleOutcomeOf(evaluateRules(rules, facts), (ref) => ('queueId' in ref ? ref.queueId : queueId(ref.queueSlug)));
  if (counted) {
    partMs.content.push(content - start);
    partMs.rules.push(performance.now() - content);
  }
  return { rules: outcome, triage, language };
}

const decide = (facts: MailFacts, signals: Pick<RoutingInput, 'rules' | 'triage' | 'language'>) =>
  decideRouting({ mail: facts, queues, mailboxQueueId: null, known, outbound, now: NOW, ...signals });

const BASELINE_SIGNALS = { rules: NO_RULES_MATCHED, triage: NO_TRIAGE, language: null };

async function main(): Promise<void> {
  const { prepared, unparsable } = await prepareCorpus();
  if (prepared.length === 0) throw new Error('no corpus message parsed: nothing to route');
  const rules = benchRules(RULES);
  const baselineMs: number[] = [];
  const addedMs: number[] = [];
  let fullTotalMs = 0;
  let matchedRules = 0;
  let triaged = 0;
  const decisions = new Map<string, number>();

  for (let round = 0; round <= ROUNDS; round++) {
    const counted = round > 0;
    for (const { mail, facts } of prepared) {
      const order = round % 2 === 0 ? ['baseline', 'full'] : ['full', 'baseline'];
      for (const which of order) {
        if (which === 'baseline') {
          const start = performance.now();
          decide(facts, BASELINE_SIGNALS);
          if (counted) baselineMs.push(performance.now() - start);
          continue;
        }
        const start = performance.now();
        const signals = addedSignals(rules, mail, counted);
        const added = performance.now();
        const decision = decide(facts, signals);
        const end = performance.now();
        if (!counted) continue;
        addedMs.push(added - start);
        fullTotalMs += end - start;
        if (round === 1) {
          matchedRules += signals.rules.matched.length;
          if (signals.triage.level > 0) triaged += 1;
          decisions.set(decision.action, (decisions.get(decision.action) ?? 0) + 1);
        }
      }
    }
  }

  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const added = sorted(addedMs);
  const baseline = sorted(baselineMs);
  const r = (ms: number, digits = 3) => Math.round(ms * 10 ** digits) / 10 ** digits;
  const decisionsPerSec = Math.round(addedMs.length / (fullTotalMs / 1000));
  const addedP99Ms = r(percentile(added, 99));
  const baselineP99Ms = r(percentile(baseline, 99));
  const ok = addedP99Ms <= TARGET.addedP99Ms;

  console.log(`bench:routing — ${prepared.length} corpus messages (${unparsable} unparsable, skipped) × ${ROUNDS} rounds, ${rules.length} rules, full lexicons`);
  console.log(`  per message (round 1): ${r(matchedRules / prepared.length, 2)} rules matched on average, ${triaged} raised by triage; decisions ${JSON.stringify(Object.fromEntries(decisions))}`);
  console.log(`  baseline (decideRouting, no rules, no triage): p50 ${r(percentile(baseline, 50))} ms, p99 ${baselineP99Ms} ms, max ${r(baseline[baseline.length - 1])} ms`);
  console.log(`  added (triage + language + 200 rules):         p50 ${r(percentile(added, 50))} ms, p99 ${addedP99Ms} ms, max ${r(added[added.length - 1])} ms`);
  const p99Of = (values: number[]) => r(percentile(sorted(values), 99));
  console.log(`    of which triage + language p99 ${p99Of(partMs.content)} ms, rules (facts + 200 rules + outcome) p99 ${p99Of(partMs.rules)} ms`);
  console.log(`  full decisions: ${decisionsPerSec}/s in one process (load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
  console.log(`  goal: ≤ ${TARGET.addedP99Ms} ms p99 added — ${ok ? 'met' : 'NOT met'}`);
  console.log(JSON.stringify({ bench: 'routing', messages: prepared.length, rules: rules.length, decisionsPerSec, addedP99Ms, baselineP99Ms, ok }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
