import { readFileSync } from 'node:fs';
import { MailParseError, parseMail } from '@casework/mail';
import { KNOWN_SUBJECTS } from '../support/corpus-subjects.js';
import { loadCorpus } from '../support/corpus.js';

/**
 * Corpus files whose Subject or From carries raw 8-bit bytes (no encoded word), with the text a
 * reader should see and the step of the raw-header rule that gets there. Expected strings were
 * decoded with Python's codecs from the header bytes, not copied from our parser's output. The
 * corpus holds no raw 8-bit header declared only by a multipart's text part or an HTML meta,
 * nor in windows-1254 or ks_c_5601-1987: those shapes are covered by libs/mail's unit tables.
 */
const RAW_8BIT_HEADERS: readonly { shape: string; path: string; field: 'subject' | 'from'; expected: string }[] = [
  { shape: 'From name, charset="iso-8859-1" on the top-level part', path: 'misc/rt/t/data/emails/new-ticket-from-iso-8859-1', field: 'from', expected: 'Wilhelmsen Håvard' },
  { shape: 'From name, no charset anywhere (windows-1252)', path: 'misc/rt/t/data/emails/new-ticket-from-iso-8859-1-full', field: 'from', expected: 'Wilhelmsen Håvard' },
  { shape: 'From name, top-level us-ascii cannot hold it (windows-1252)', path: 'misc/flanker/tests/fixtures/messages/from-encoding.eml', field: 'from', expected: 'Ingo Lütkebohle' },
  { shape: 'Subject, top-level iso-8859-1 read as clients read it (0x85 is "…")', path: 'misc/flanker/tests/fixtures/messages/spam/broken-headers.eml', field: 'subject', expected: 'Forget Asking For A Link Exchange…' },
  // The sender's own bytes are valid UTF-8 (three U+FFFD): UTF-8 wins, no windows-1252 mojibake.
  { shape: 'Subject, valid UTF-8 in a multipart without charset', path: 'mikel-mail/spec/fixtures/emails/error_emails/must_supply_encoding.eml', field: 'subject', expected: 'Impress your clients with a business phone\uFFFD\uFFFD\uFFFD' },
];

/** Every real message either parses or is refused with a reason; nothing else. */
describe('parseMail over the real-mail corpus', () => {
  const corpus = loadCorpus();

  it('lists the whole corpus', () => {
    expect(corpus.length).toBeGreaterThan(1000);
  });

  it('parses every message or refuses it with a MailParseError', async () => {
    const outcomes = { parsed: 0, refused: 0 };
    const refusedFor = new Set<string>();
    const unexpected: string[] = [];
    const slow: string[] = [];
    for (const entry of corpus) {
      const raw = readFileSync(entry.absolutePath);
      const started = performance.now();
      try {
        const mail = await parseMail(raw);
        outcomes.parsed++;
        expect(typeof mail.subject).toBe('string');
        expect(typeof mail.text).toBe('string');
        if (mail.html !== null) expect(mail.html).not.toMatch(/<script/i);
      } catch (error) {
        if (error instanceof MailParseError) {
          outcomes.refused++;
          refusedFor.add(error.reason);
        } else unexpected.push(`${entry.path}: ${String(error)}`);
      }
      if (performance.now() - started > 2000) slow.push(entry.path);
    }
    expect(unexpected).toEqual([]);
    expect(outcomes.parsed + outcomes.refused).toBe(corpus.length);
    // Only degenerate files (empty, a few bytes, bare TNEF blobs) may be refused.
    expect(outcomes.refused).toBeLessThan(30);
    for (const reason of refusedFor) expect(['empty', 'not-a-message']).toContain(reason);
    expect(slow).toEqual([]);
  });

  it.each(['iso-2022-jp', 'shift_jis', 'windows-1251', 'euc-kr'])('decodes %s subjects without replacement characters', async (charset) => {
    const entries = corpus.filter((e) => e.charsets.map((c) => c.toLowerCase()).includes(charset)).slice(0, 10);
    expect(entries.length).toBeGreaterThan(0);
    // Every one must parse and at least one must have a subject, so this cannot pass unchecked.
    const subjects: string[] = [];
    for (const entry of entries) subjects.push((await parseMail(readFileSync(entry.absolutePath))).subject);
    expect(subjects.filter((subject) => subject !== '').length).toBeGreaterThan(0);
    expect(subjects.filter((subject) => subject.includes('\uFFFD'))).toEqual([]);
  });

  it.each(KNOWN_SUBJECTS.map((known) => [known.charset, known]))('decodes the %s subject of a named file to the known string', async (_charset, known) => {
    const entry = corpus.find((e) => e.path === known.path);
    expect(entry).toBeDefined();
    expect((await parseMail(readFileSync(entry!.absolutePath))).subject).toBe(known.subject);
  });

  it.each(RAW_8BIT_HEADERS.map((known) => [known.shape, known]))('decodes a raw 8-bit %s', async (_shape, known) => {
    const entry = corpus.find((e) => e.path === known.path);
    expect(entry).toBeDefined();
    const mail = await parseMail(readFileSync(entry!.absolutePath));
    expect(known.field === 'subject' ? mail.subject : mail.from?.name).toBe(known.expected);
  });
});
