import { MUTATIONS, mutate } from './mime-mutations.js';
import { SeededRandom } from './seeded-random.js';

const MAIL = Buffer.from(
  [
    'From: Ana <ana@example.org>',
    'To: safety@casework.test',
    'Subject: Report',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hello',
    '--b1--',
    '',
  ].join('\r\n'),
);

describe('MIME mutations for the fuzz', () => {
  it('replays: the same seed gives the same bytes and the same mutation names', () => {
    const run = () => Array.from({ length: 50 }, (_, i, random = new SeededRandom(i)) => mutate(MAIL, random));
    expect(run().map((m) => [m.applied, m.bytes.toString('base64')])).toEqual(run().map((m) => [m.applied, m.bytes.toString('base64')]));
  });

  it.each(Object.keys(MUTATIONS))('%s changes the message (for most seeds) and never throws', (name) => {
    const changed = Array.from({ length: 20 }, (_, seed) => !MUTATIONS[name](MAIL, new SeededRandom(seed)).equals(MAIL)).filter(Boolean).length;
    expect(changed).toBeGreaterThanOrEqual(10);
  });

  it('nests multiparts up to 1,000 deep', () => {
    const depths = Array.from({ length: 20 }, (_, seed) => (MUTATIONS.deepNesting(MAIL, new SeededRandom(seed)).toString('latin1').match(/multipart\/mixed; boundary="b\d+"/g) ?? []).length);
    expect(Math.max(...depths)).toBeLessThanOrEqual(1000);
    expect(Math.min(...depths)).toBeGreaterThanOrEqual(50);
  });
});
