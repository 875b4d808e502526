import iconv from 'iconv-lite';
import { decodeRawHeader, resolveCharsetLabel } from './raw-header-charset.js';

describe('resolveCharsetLabel', () => {
  it.each([
    ['windows-1254', 'windows-1254'],
    ['ks_c_5601-1987', 'ks_c_5601-1987'],
    ['"EUC-KR"', 'EUC-KR'],
    ['koi8-r', 'koi8-r'],
    ['Big5', 'Big5'],
    ['Shift_JIS', 'Shift_JIS'],
    ['iso-8859-7', 'iso-8859-7'],
    // Read as browsers and mail clients read them (WHATWG Encoding Standard).
    ['ISO-8859-1', 'windows-1252'],
    ["'iso_8859-1:1987'", 'windows-1252'],
    ['us-ascii', 'windows-1252'],
    ['iso-8859-9', 'windows-1254'],
    ['tis-620', 'windows-874'],
  ])('%s reads as %s', (label, encoding) => {
    expect(resolveCharsetLabel(label)).toBe(encoding);
  });

  it.each([
    ['x-user-defined', 'bytes as private-use code points'],
    ['x-unknown', 'unknown'],
    ['uft-8', 'a typo'],
    ['utf-16', 'not ASCII-compatible'],
    ['utf-7', 'not ASCII-compatible'],
    ['unicode-1-1-utf-7', 'not ASCII-compatible'],
    ['base64', 'a Node encoding, not a charset'],
    ['hex', 'a Node encoding, not a charset'],
    ['""', 'empty'],
  ])('%s reads as nothing (%s)', (label) => {
    expect(resolveCharsetLabel(label)).toBeNull();
  });
});

describe('decodeRawHeader', () => {
  const turkish = 'Şirket toplantısı ertelendi';
  const inTurkish = iconv.encode(turkish, 'windows-1254');
  const korean = '회의 일정 변경 안내';
  const inKorean = iconv.encode(korean, 'cp949');

  it('reads valid UTF-8 as UTF-8 whatever the message declares', () => {
    expect(decodeRawHeader(Buffer.from(turkish, 'utf8'), ['windows-1254'])).toBe(turkish);
  });

  it('takes the first declared charset that decodes cleanly', () => {
    expect(decodeRawHeader(inTurkish, ['windows-1254', 'koi8-r'])).toBe(turkish);
    // Korean bytes are not valid UTF-8 and leave U+FFFD in Shift_JIS, so euc-kr is next.
    expect(decodeRawHeader(inKorean, ['utf-8', 'shift_jis', 'euc-kr'])).toBe(korean);
  });

  it('passes over unknown and unusable labels instead of throwing', () => {
    expect(decodeRawHeader(inKorean, ['x-user-defined', 'x-unknown', 'utf-16', 'ks_c_5601-1987'])).toBe(korean);
  });

  it('falls back to windows-1252 when nothing is declared or nothing declared decodes cleanly', () => {
    const portuguese = iconv.encode('Formação – Verão', 'windows-1252');
    expect(decodeRawHeader(portuguese, [])).toBe('Formação – Verão');
    // In euc-kr (cp949) 0xE7 0xE3 is a hanja, but 0x96 before a space and 0xE3 before 'o' are no character.
    expect(decodeRawHeader(portuguese, ['euc-kr'])).toBe('Formação – Verão');
  });

  it('never leaves U+FFFD: windows-1252 passes its unassigned bytes through as browsers do', () => {
    expect(decodeRawHeader(Buffer.from([0x41, 0x81, 0x8d, 0x85]), [])).toBe('A\u0081\u008d…');
  });
});
