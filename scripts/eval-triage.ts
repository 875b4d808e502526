import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { detectLanguage, triage, TRIAGE_CATEGORIES, type TriageCategory, type TriageResult } from '@casework/domain';

/**
 * npm run eval:triage — triage over the labelled cases in TRIAGE_DIR (default ../shared/triage):
 * per language × category, recall at level ≥ 1, recall at level 2 on explicit (tier 2) cases,
 * benign raised (tier_max 0 raised) and benign paged (tier_max ≤ 1 paged); then one JSON line.
 * Case texts are never printed; `--failures` lists the ids of the cases that miss.
 */
interface Case {
  id: string;
  lang: string;
  script?: string;
  class: string;
  category?: string;
  tier: number;
  tier_max: number;
  text: string;
}

interface Tally {
  positives: number;
  raised: number;
  explicit: number;
  paged: number;
  benign: number;
  benignRaised: number;
  notPageable: number;
  falsePaged: number;
}

const GOALS = { recallL1: 0.9, benignRaised: 0.1, recallL2: 0.85, benignPaged: 0.01 };
const dir = resolve(process.env['TRIAGE_DIR'] ?? '../shared/triage');
if (!existsSync(dir) || !statSync(dir).isDirectory()) {
  console.error(`eval:triage: ${dir} is not a folder. Set TRIAGE_DIR to the folder holding the triage *.jsonl evaluation files.`);
  process.exit(1);
}
const files = readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort();
if (files.length === 0) {
  console.error(`eval:triage: no *.jsonl files in ${dir}.`);
  process.exit(1);
}
const cases: Case[] = files.flatMap((name) =>
  readFileSync(join(dir, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Case),
);

const tallies = new Map<string, Tally>();
const tally = (language: string, category: string): Tally => {
  const key = `${language}\t${category}`;
  let found = tallies.get(key);
  if (!found) tallies.set(key, (found = { positives: 0, raised: 0, explicit: 0, paged: 0, benign: 0, benignRaised: 0, notPageable: 0, falsePaged: 0 }));
  return found;
};
const failures: string[] = [];
const started = performance.now();
for (const testCase of cases) {
  const result = triage(testCase.text, { language: detectLanguage(testCase.text) });
  const language = testCase.lang === 'hi' && testCase.script === 'Latn' ? 'hi-Latn' : testCase.lang;
  const positive = (TRIAGE_CATEGORIES as readonly string[]).includes(testCase.class);
  const category = positive ? testCase.class : (testCase.category ?? (testCase.class === 'benign' && testCase.id.startsWith('eld-') ? 'general' : 'threat'));
  for (const t of [tally(language, category), tally(language, 'all')]) record(t, testCase, positive, result);
}
const msPerCase = (performance.now() - started) / cases.length;

function record(t: Tally, testCase: Case, positive: boolean, result: TriageResult): void {
  const level = positive ? (result.categories.find((c) => c.category === (testCase.class as TriageCategory))?.level ?? 0) : result.level;
  const miss: string[] = [];
  if (positive) {
    t.positives++;
    if (level >= 1) t.raised++;
    else miss.push('not raised');
    if (testCase.tier === 2) {
      t.explicit++;
      if (level === 2) t.paged++;
      else miss.push('not paged');
    }
  }
  if (testCase.tier_max === 0) {
    t.benign++;
    if (result.level >= 1) {
      t.benignRaised++;
      miss.push('benign raised');
    }
  }
  if (testCase.tier_max <= 1) {
    t.notPageable++;
    if (result.level === 2) {
      t.falsePaged++;
      miss.push('false page');
    }
  }
  if (miss.length > 0 && !failures.some((line) => line.startsWith(testCase.id + ' '))) failures.push(`${testCase.id} ${miss.join(', ')} (got ${result.level}: ${result.categories.map((c) => `${c.category}=${c.level}`).join(' ')})`);
}

const pct = (part: number, whole: number): string => (whole === 0 ? '    –' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`);
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((10000 * part) / whole) / 10000);
console.log(`triage eval over ${cases.length} cases in ${dir} (${files.join(', ')}), ${msPerCase.toFixed(3)} ms per case`);
console.log('lang     category       pos  raise≥1   expl  page=2   benign raised   ≤1  paged');
const languages = [...new Set([...tallies.keys()].map((key) => key.split('\t')[0]!))].sort();
const summary: Record<string, unknown> = {};
for (const language of languages) {
  for (const category of [...TRIAGE_CATEGORIES, 'general', 'all']) {
    const t = tallies.get(`${language}\t${category}`);
    if (!t) continue;
    console.log(
      `${language.padEnd(8)} ${category.padEnd(13)} ${String(t.positives).padStart(4)} ${pct(t.raised, t.positives)} ${String(t.explicit).padStart(6)} ${pct(t.paged, t.explicit)} ${String(t.benign).padStart(8)} ${pct(t.benignRaised, t.benign)} ${String(t.notPageable).padStart(4)} ${pct(t.falsePaged, t.notPageable)}`,
    );
  }
  const all = tallies.get(`${language}\tall`)!;
  const figures = {
    recall_l1: ratio(all.raised, all.positives),
    recall_l2_explicit: ratio(all.paged, all.explicit),
    benign_raised: ratio(all.benignRaised, all.benign),
    benign_paged: ratio(all.falsePaged, all.notPageable),
    positives: all.positives,
    explicit: all.explicit,
    benign: all.benign,
  };
  const met =
    (figures.recall_l1 ?? 1) >= GOALS.recallL1 && (figures.benign_raised ?? 0) <= GOALS.benignRaised && (figures.recall_l2_explicit ?? 1) >= GOALS.recallL2 && (figures.benign_paged ?? 0) <= GOALS.benignPaged;
  summary[language] = { ...figures, goals_met: met };
}
if (process.argv.includes('--failures')) for (const line of failures) console.log(`miss ${line}`);
console.log(JSON.stringify({ eval: 'triage', cases: cases.length, ms_per_case: Math.round(msPerCase * 1000) / 1000, languages: summary }));
