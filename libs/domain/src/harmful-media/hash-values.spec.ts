import { hashTextLines, MAX_HASH_VALUES_PER_UPLOAD, normalizeHashValue, parseHashValues } from './hash-values.js';

const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const MD5 = 'd41d8cd98f00b204e9800998ecf8427e';

describe('normalizeHashValue', () => {
  it.each([
    [SHA, { algorithm: 'sha256', value: SHA }],
    [SHA.toUpperCase(), { algorithm: 'sha256', value: SHA }],
    [`  ${MD5}\t`, { algorithm: 'md5', value: MD5 }],
    [`sha256:${SHA}`, { algorithm: 'sha256', value: SHA }],
    [`SHA-256:${SHA.toUpperCase()}`, { algorithm: 'sha256', value: SHA }],
    [`md5=${MD5}`, { algorithm: 'md5', value: MD5 }],
  ])('reads %j', (raw, expected) => {
    expect(normalizeHashValue(raw)).toEqual(expected);
  });

  it.each([
    ['too short', SHA.slice(1)],
    ['not hex', `${SHA.slice(1)}g`],
    ['a SHA-1 (40 digits)', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['a prefix that disagrees with the length', `md5:${SHA}`],
    ['empty', ''],
    ['base64', '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='],
  ])('refuses %s', (_what, raw) => {
    expect(normalizeHashValue(raw)).toBeNull();
  });
});

describe('parseHashValues', () => {
  it('reads a text: blank lines and comments skipped, sha256sum lines, duplicates once', () => {
    const text = `# hotline list 2026-06\r\n${SHA}  image.jpg\n\n${MD5}\n${SHA.toUpperCase()}\n`;
    expect(parseHashValues(hashTextLines(text), 'text')).toEqual({ ok: true, values: [{ algorithm: 'sha256', value: SHA }, { algorithm: 'md5', value: MD5 }] });
  });

  it('names the 1-based line of the first bad value and echoes it cut to 40 characters', () => {
    const bad = 'x'.repeat(100);
    const result = parseHashValues(hashTextLines(`${SHA}\n\n${bad}\n${MD5}`), 'text');
    expect(result).toEqual({ ok: false, line: 3, value: `${'x'.repeat(40)}…`, message: expect.stringContaining('line 3') });
  });

  it('names the 1-based position of a bad array entry; an empty entry is bad in an array', () => {
    expect(parseHashValues([MD5, ''], 'array')).toMatchObject({ ok: false, line: 2, value: '', message: expect.stringContaining('entry 2') });
    expect(parseHashValues([MD5, `${MD5} name`], 'array')).toMatchObject({ ok: false, line: 2 });
  });

  it(`takes at most ${MAX_HASH_VALUES_PER_UPLOAD} values at once`, () => {
    const many = Array.from({ length: MAX_HASH_VALUES_PER_UPLOAD + 1 }, (_, i) => i.toString(16).padStart(32, '0'));
    expect(parseHashValues(many, 'array')).toMatchObject({ ok: false, line: 0, message: expect.stringContaining('at most') });
  });
});
