import { readFileSync } from 'node:fs';
import { MailParseError, parseMail } from '@casework/mail';
import { KNOWN_SUBJECTS } from '../support/corpus-subjects.js';
import { loadCorpus } from '../support/corpus.js';

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
        }
        else unexpected.push(`${entry.path}: ${String(error)}`);
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
    for (const entry of entries) {
      const mail = await parseMail(readFileSync(entry.absolutePath)).catch(() => null);
      if (mail?.subject) expect(mail.subject).not.toContain('\uFFFD');
    }
  });

  it.each(KNOWN_SUBJECTS.map((known) => [known.charset, known]))('decodes the %s subject of a named file to the known string', async (_charset, known) => {
    const entry = corpus.find((e) => e.path === known.path);
    expect(entry).toBeDefined();
    expect((await parseMail(readFileSync(entry!.absolutePath))).subject).toBe(known.subject);
  });
});
