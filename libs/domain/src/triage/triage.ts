import { childSafetyFinding, languagesWithMinorCues } from './child-safety-rule.js';
import { doxxingFinding } from './doxxing-rule.js';
import { HitIndex, type Finding } from './hit-index.js';
import { TRIAGE_CATEGORIES, TRIAGE_LANGUAGES, type TriageCategory, type TriageLanguage } from './lexicon.js';
import { LexiconMatcher } from './lexicon-matcher.js';
import { ALL_LEXICONS } from './lexicons/index.js';
import { normalizeForTriage } from './normalize-text.js';
import { containsPersonalData } from './personal-data.js';
import { selfHarmFinding } from './self-harm-rule.js';
import { threatFinding } from './threat-rule.js';

/** 0: nothing found; 1: raise (priority at least high); 2: page (emergency). */
export type TriageLevel = 0 | 1 | 2;

export interface TriageCategoryResult {
  readonly category: TriageCategory;
  readonly level: 1 | 2;
  /** The language of the lexicon that matched (ISO 639-1). */
  readonly language: TriageLanguage;
  /** The matched phrase, cut from the original text: at most EVIDENCE_MAX_CHARS characters. Never log it. */
  readonly evidence: string;
}

export interface TriageResult {
  readonly level: TriageLevel;
  /** Strongest first, then in TRIAGE_CATEGORIES order. */
  readonly categories: readonly TriageCategoryResult[];
}

export interface TriageOptions {
  /** The text's detected language; preferred when categories are found in several languages. */
  readonly language?: string | null;
}

export const EVIDENCE_MAX_CHARS = 120;

/**
 * Only the first TRIAGE_SCAN_LIMIT UTF-16 units of a text are read: what a writer says comes first
 * (quoted history follows), and a 5 MB single-line body costs what 100 kB do. Everything after
 * the cut is linear too, so the limit bounds time, not correctness of the part read.
 */
export const TRIAGE_SCAN_LIMIT = 100_000;

export const NO_TRIAGE: TriageResult = { level: 0, categories: [] };

let matcher: LexiconMatcher | undefined;

/**
 * Two-tier Trust & Safety triage of one text in every language at once: the lexicons of all
 * languages are matched in one pass over the folded text (normalizeForTriage), then each
 * category's rule decides its level from the hits (threat-rule, self-harm-rule, child-safety-rule,
 * doxxing-rule). Pure, and well under a millisecond for a typical 2 kB mail once compiled.
 */
export function triage(text: string, options: TriageOptions = {}): TriageResult {
  const scanned = cut(text);
  if (scanned.trim() === '') return NO_TRIAGE;
  matcher ??= new LexiconMatcher(ALL_LEXICONS);
  const folded = normalizeForTriage(scanned);
  const words = matcher.match(folded);
  const hits = new HitIndex([...words, ...matcher.matchAges(folded, languagesWithMinorCues(words))]);
  const preferred = TRIAGE_LANGUAGES.find((language) => language === options.language);
  const findings: Finding[] = [];
  for (const finding of [threatFinding(hits), selfHarmFinding(hits), childSafetyFinding(hits)]) if (finding) findings.push(finding);
  const doxxingSign = doxxingFinding(hits, false);
  if (doxxingSign) findings.push(doxxingFinding(hits, containsPersonalData(scanned, preferred ?? doxxingSign.language))!);
  const categories = findings
    .map((finding) => ({
      category: finding.category,
      level: finding.level,
      language: finding.language,
      evidence: evidence(scanned, folded.start[finding.start]!, folded.end[finding.end - 1]!),
    }))
    .sort(byStrength);
  return { level: categories[0]?.level ?? 0, categories };
}

/**
 * The triage of a ticket after a follow-up: every category at the higher of its two levels, so a
 * follow-up can raise a ticket but never lower it. On a tie the earlier evidence stays.
 */
export function mergeTriage(previous: TriageResult | null | undefined, next: TriageResult | null | undefined): TriageResult {
  const merged = new Map<TriageCategory, TriageCategoryResult>();
  for (const result of [...(previous?.categories ?? []), ...(next?.categories ?? [])]) {
    const known = merged.get(result.category);
    if (!known || result.level > known.level) merged.set(result.category, result);
  }
  const categories = [...merged.values()].sort(byStrength);
  return { level: categories[0]?.level ?? 0, categories };
}

function byStrength(a: TriageCategoryResult, b: TriageCategoryResult): number {
  return b.level - a.level || TRIAGE_CATEGORIES.indexOf(a.category) - TRIAGE_CATEGORIES.indexOf(b.category);
}

function cut(text: string): string {
  if (text.length <= TRIAGE_SCAN_LIMIT) return text;
  const end = isLowSurrogate(text.charCodeAt(TRIAGE_SCAN_LIMIT)) ? TRIAGE_SCAN_LIMIT - 1 : TRIAGE_SCAN_LIMIT;
  return text.slice(0, end);
}

/** The original words of a finding; a longer span keeps its end, where the harm word is. */
function evidence(text: string, start: number, end: number): string {
  let from = Math.max(start, end - EVIDENCE_MAX_CHARS);
  if (isLowSurrogate(text.charCodeAt(from))) from++;
  return text.slice(from, end).trim();
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
