import { TRIAGE_CATEGORIES, validateRule, type Condition, type Rule, type RuleAction, type RuleInput, type TicketPriority } from '@casework/domain';

/** The queues the bench's rules move mail to (slugs; the bench's queue directory has these ids). */
export const BENCH_QUEUE_SLUGS = ['safety', 'child-safety', 'legal', 'press', 'abuse', 'billing', 'appeals', 'emergency'] as const;

// What a Trust & Safety team's rules test: words of a kind of report, partner domains, mailers,
// list and auto-submitted headers, languages and triage categories.
const SUBJECT_WORDS = ['harass', 'threat', 'doxx', 'impersonat', 'copyright', 'dmca', 'subpoena', 'court order', 'press inquiry', 'refund', 'appeal', 'suspended', 'hacked', 'phishing', 'scam', 'extortion', 'leak', 'stalking', 'spam', 'bot'];
const DOMAINS = ['police.example', 'court.example', 'lawfirm.example', 'newsroom.example', 'ngo.example', 'school.example', 'gov.example', 'hotline.example', 'partner.example', 'registrar.example'];
const LANGUAGES = ['en', 'es', 'fr', 'de', 'ar', 'ru', 'zh', 'hi'];
const MAILERS = ['Outlook', 'Thunderbird', 'Apple Mail', 'Gmail', 'PHPMailer', 'Postfix'];
const PRIORITIES: TicketPriority[] = ['low', 'normal', 'high'];

/** One condition of kind `k` (0…11), varied by `i` so no two rules are the same. */
function condition(k: number, i: number): Condition {
  const word = SUBJECT_WORDS[i % SUBJECT_WORDS.length];
  const domain = DOMAINS[i % DOMAINS.length];
  switch (k) {
    case 0:
      return { field: 'subject', op: 'regex', value: `\\b${word}\\w*\\b.*\\b(account|profile|post|page)s?\\b` };
    case 1:
      return { field: 'subject', op: 'contains', value: word };
    case 2:
      return { field: 'body', op: 'regex', value: `(?:case|ticket|reference)\\s*(?:no\\.?|number|#)\\s*[A-Z]{0,3}-?\\d{${3 + (i % 4)},}` };
    case 3:
      return { field: 'body', op: 'contains', value: `${word} report` };
    case 4:
      return { field: 'from', op: 'equals', value: `reports${i}@${domain}` };
    case 5:
      return { field: 'senderDomain', op: 'inList', value: DOMAINS.map((d, n) => (n % 2 === i % 2 ? d : `${i}.${d}`)) };
    case 6:
      return { field: 'header:X-Mailer', op: 'contains', value: MAILERS[i % MAILERS.length] };
    case 7:
      return { field: 'header:List-Id', op: 'regex', value: `<[a-z0-9.-]*${word.replace(/\s/g, '-')}[a-z0-9.-]*>` };
    case 8:
      return { field: 'language', op: 'equals', value: LANGUAGES[i % LANGUAGES.length] };
    case 9:
      return { field: 'triageCategory', op: 'equals', value: TRIAGE_CATEGORIES[i % TRIAGE_CATEGORIES.length] };
    case 10:
      return { field: 'to', op: 'regex', value: `^(abuse|legal|press|${word.replace(/\s/g, '')})@casework\\.test$` };
    default:
      return { field: 'header:Auto-Submitted', op: 'equals', value: 'auto-generated' };
  }
}

/** A rule's `when`: a single condition, all of two, any of three, or one with a `not`. */
function when(i: number): Condition {
  const k = (n: number) => (i * 7 + n * 5) % 12;
  switch (i % 4) {
    case 0:
      return condition(k(0), i);
    case 1:
      return { all: [condition(k(0), i), condition(k(1), i + 1)] };
    case 2:
      return { any: [condition(k(0), i), condition(k(1), i + 2), condition(k(2), i + 3)] };
    default:
      return { all: [condition(k(0), i), { not: condition(k(1), i + 1) }] };
  }
}

function then(i: number): RuleAction[] {
  const actions: RuleAction[] = [];
  if (i % 3 === 0) actions.push({ type: 'setQueue', queueSlug: BENCH_QUEUE_SLUGS[i % BENCH_QUEUE_SLUGS.length] });
  actions.push({ type: 'addTags', tags: [`rule-${i}`, SUBJECT_WORDS[i % SUBJECT_WORDS.length].replace(/\s/g, '-')] });
  if (i % 4 === 1) actions.push({ type: 'setPriority', priority: PRIORITIES[i % PRIORITIES.length] });
  if (i % 25 === 24) actions.push({ type: 'suppressAcknowledgement' });
  if (i % 40 === 39) actions.push({ type: 'markSpam' });
  return actions;
}

/**
 * `count` enabled rules, none with `stop`: every mail is tested against all of them (the worst
 * case). Each passes validateRule, as the /rules API would require.
 */
export function benchRules(count: number): Rule[] {
  return Array.from({ length: count }, (_, i): Rule => {
    const input: RuleInput = { name: `bench rule ${i}`, position: i, enabled: true, when: when(i), then: then(i) };
    const checked = validateRule(input);
    if (!checked.ok) throw new Error(`bench rule ${i} is invalid: ${checked.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    return { id: `rule-${i}`, ...checked.rule };
  });
}
