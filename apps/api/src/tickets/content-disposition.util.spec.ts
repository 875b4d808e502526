import { attachmentDisposition } from './content-disposition.util.js';

describe('attachmentDisposition', () => {
  it.each<[string, string]>([
    ['report.pdf', `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`],
    ['my report (final).pdf', `attachment; filename="my report (final).pdf"; filename*=UTF-8''my%20report%20%28final%29.pdf`],
    ['Grüße.docx', `attachment; filename="Gru_e.docx"; filename*=UTF-8''Gr%C3%BC%C3%9Fe.docx`],
    ['東京.png', `attachment; filename="__.png"; filename*=UTF-8''%E6%9D%B1%E4%BA%AC.png`],
    ['a"b\\c%41.txt', `attachment; filename="a_b_c_41.txt"; filename*=UTF-8''a%22b%5Cc%2541.txt`],
    ["it's*.txt", `attachment; filename="it's*.txt"; filename*=UTF-8''it%27s%2A.txt`],
    ['evil\r\nSet-Cookie: x=1', `attachment; filename="evil__Set-Cookie: x=1"; filename*=UTF-8''evil%0D%0ASet-Cookie%3A%20x%3D1`],
    ['lone\ud800.txt', `attachment; filename="lone_.txt"; filename*=UTF-8''lone%EF%BF%BD.txt`],
  ])('%j', (filename, expected) => {
    expect(attachmentDisposition(filename)).toBe(expected);
  });

  it('never yields characters a header cannot carry', () => {
    for (const name of ['\u0000', '\u202e', '😀', 'ä\u0301', ' ', '\u007f\u0085']) {
      expect(attachmentDisposition(name)).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});
