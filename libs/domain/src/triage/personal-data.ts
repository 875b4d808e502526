// The core entry with its metadata imported here: the default entry imports it through a relative
// '….json.js' path, which Jest's '.js'-stripping module map turns into the raw JSON.
import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/min/metadata';
import type { TriageLanguage } from './lexicon.js';

export type PersonalDataKind = 'phone' | 'email' | 'address' | 'id_number' | 'iban' | 'ip_address';

/** A piece of personal data found in a text (UTF-16 range of the original). */
export interface PersonalDataMatch {
  readonly kind: PersonalDataKind;
  readonly start: number;
  readonly end: number;
}

/** The country a national phone number is read in, by the writer's language. */
const PHONE_COUNTRY: Record<TriageLanguage, CountryCode> = { en: 'US', es: 'ES', fr: 'FR', de: 'DE', ar: 'EG', ru: 'RU', zh: 'CN', hi: 'IN' };

const STREET_WORDS = [
  'street', 'st', 'road', 'rd', 'lane', 'ln', 'avenue', 'ave', 'close', 'drive', 'dr', 'way', 'row', 'place', 'plaza', 'boulevard', 'blvd', 'court', 'crescent', 'terrace',
  'rue', 'boulevard', 'chemin', 'impasse', 'allée', 'calle', 'avenida', 'paseo', 'plaza', 'camino', 'carrer',
  'straße', 'strasse', 'str', 'weg', 'platz', 'gasse', 'allee', 'ring', 'damm',
].join('|');

/**
 * Presidio-style patterns: a shape, kept narrow enough that prices, dates and years do not match.
 * Street addresses are a number next to a street word ("7 Placeholder Lane", "Musterstraße 12",
 * "calle Mayor 5", "ул. Ленина, д. 5", "شارع … 12", "…路12号", "… मार्ग"). `needs` is a cheap test
 * every match passes (an '@', the street suffix before its number): where a pattern's own scan
 * tries every word of a long mail, the test first saves the scan when it cannot match.
 */
const PATTERNS: readonly { kind: PersonalDataKind; pattern: RegExp; needs?: RegExp }[] = [
  { kind: 'email', pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, needs: /@/ },
  { kind: 'iban', pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b/gu },
  { kind: 'ip_address', pattern: /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/gu },
  { kind: 'id_number', pattern: /\b\d{3}-\d{2}-\d{4}\b/gu },
  { kind: 'phone', pattern: /\+\d{1,3}[\s.-]?(?:\(?\d{1,4}\)?[\s.-]?){2,5}\d{2,4}\b/gu },
  { kind: 'address', pattern: new RegExp(`\\b\\d{1,5}[a-z]?,?\\s+(?:[\\p{L}'’-]+\\s+){0,4}(?:${STREET_WORDS})\\b\\.?`, 'giu') },
  { kind: 'address', pattern: new RegExp(`\\b(?:${STREET_WORDS})\\.?\\s+(?:[\\p{L}'’-]+\\s+){0,4}\\d{1,5}[a-z]?\\b`, 'giu') },
  { kind: 'address', pattern: /[\p{L}-]+(?:straße|strasse|weg|gasse|platz|allee)\s+\d{1,5}[a-z]?\b/giu, needs: /(?:straße|strasse|weg|gasse|platz|allee)\s+\d/iu },
  { kind: 'address', pattern: /(?:ул\.|улица|проспект|пр-т|пер\.|переулок|шоссе)\s*[\p{L}. -]{2,40}?,?\s*(?:д\.|дом)?\s*\d{1,4}/giu },
  { kind: 'address', pattern: /(?:شارع|حي|طريق)\s+[\p{L} ]{2,40}?\s*\d{1,5}|\d{1,5}\s*(?:شارع|طريق)/gu },
  { kind: 'address', pattern: /[\p{Script=Han}]{1,10}(?:路|街|道|大道|巷|弄)\d{1,5}号/gu },
  { kind: 'address', pattern: /(?:\d{1,5}[,/ -]*)?[\p{Script=Devanagari}]+\s+(?:मार्ग|गली|नगर|रोड|कॉलोनी)|(?:मकान|घर)\s*(?:नं\.?|नंबर)\s*\d{1,5}/gu },
];

/** The patterns for a yes/no question: without the global flag, so `test` keeps no position between texts. */
const PATTERN_TESTS = PATTERNS.map(({ pattern, needs }) => ({ pattern: new RegExp(pattern.source, pattern.flags.replace('g', '')), needs }));

/** Passport, licence and ID-card numbers: capitals, digits and dashes, kept when six or more are digits. */
const ID_CANDIDATE = /(?<![\p{L}\p{N}])[A-Z]{0,3}\d[\dA-Z-]{4,24}(?![\p{L}\p{N}])/gu;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Phone numbers (libphonenumber-js: international ones anywhere, national ones in the writer's
 * country; plus a lenient "+country digits" shape for numbers it cannot validate), e-mail
 * addresses, IBANs, IP addresses, ID-like numbers and street addresses in `text`.
 */
export function findPersonalData(text: string, language?: TriageLanguage): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  const numbers = language ? findPhoneNumbersInText(text, { defaultCountry: PHONE_COUNTRY[language] }, metadata) : findPhoneNumbersInText(text, metadata);
  for (const number of numbers) {
    found.push({ kind: 'phone', start: number.startsAt, end: number.endsAt });
  }
  for (const { kind, pattern } of PATTERNS) {
    for (const match of text.matchAll(pattern)) found.push({ kind, start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(ID_CANDIDATE)) {
    if (isIdNumber(match[0])) found.push({ kind: 'id_number', start: match.index, end: match.index + match[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Whether findPersonalData would find anything, answered at the first find and cheapest first:
 * the patterns, then ID-like numbers, then libphonenumber, which costs the most. Triage asks only
 * this, for every mail with a doxxing sign.
 */
export function containsPersonalData(text: string, language?: TriageLanguage): boolean {
  if (PATTERN_TESTS.some(({ pattern, needs }) => (needs === undefined || needs.test(text)) && pattern.test(text))) return true;
  for (const match of text.matchAll(ID_CANDIDATE)) if (isIdNumber(match[0])) return true;
  // Every phone number has a digit; most short mails have none.
  if (!/\d/.test(text)) return false;
  const numbers = language ? findPhoneNumbersInText(text, { defaultCountry: PHONE_COUNTRY[language] }, metadata) : findPhoneNumbersInText(text, metadata);
  return numbers.length > 0;
}

function isIdNumber(candidate: string): boolean {
  return (candidate.match(/\d/g)?.length ?? 0) >= 6 && !ISO_DATE.test(candidate);
}
