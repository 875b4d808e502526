import { declaredCharsets } from './mime-charset-hints.js';

const crlf = (text: string): Buffer => Buffer.from(text.replace(/\n/g, '\r\n'), 'latin1');

describe('declaredCharsets', () => {
  it('names the charset of a single-part message', () => {
    expect(declaredCharsets(crlf('Subject: x\nContent-Type: text/html;\n\tcharset="windows-1254"\n\n<p>x</p>\n'))).toEqual(['windows-1254']);
  });

  it('names nothing when nothing is declared', () => {
    expect(declaredCharsets(crlf('Subject: x\n\nbody\n'))).toEqual([]);
    expect(declaredCharsets(crlf('Subject: x\nContent-Type: text/plain\n\nbody\n'))).toEqual([]);
  });

  it('names the first text part of a nested multipart, not a later part or an attachment', () => {
    // The outer boundary is a prefix of the inner one.
    const mail = crlf(`Subject: x
Content-Type: multipart/mixed; boundary=outer

--outer
Content-Type: multipart/alternative; boundary="outer-inner"

--outer-inner
Content-Type: text/plain; charset=koi8-r

text
--outer-inner
Content-Type: text/html; charset=windows-1251

<p>html</p>
--outer-inner--
--outer
Content-Type: text/plain; charset=big5; name=notes.txt

attachment
--outer--
`);
    expect(declaredCharsets(mail)).toEqual(['koi8-r']);
  });

  it('skips a non-text first part', () => {
    const mail = crlf(`Content-Type: multipart/related; boundary=b

--b
Content-Type: image/png

png
--b
Content-Type: text/plain; charset=iso-8859-7

text
--b--
`);
    expect(declaredCharsets(mail)).toEqual(['iso-8859-7']);
  });

  it.each([
    ['<meta charset=euc-kr>', 'euc-kr'],
    ['<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=ks_c_5601-1987">', 'ks_c_5601-1987'],
    ["<meta content='text/html; charset=shift_jis' http-equiv='content-type'>", 'shift_jis'],
    ['<meta charset = " koi8-r ">', 'koi8-r'],
  ])('reads the charset of %s in an HTML body', (meta, charset) => {
    const mail = crlf(`Content-Type: text/html\n\n<html><head>${meta}</head><body>x</body></html>\n`);
    expect(declaredCharsets(mail)).toEqual([charset]);
  });

  it('reads a <meta charset> through base64 and quoted-printable', () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head></html>';
    const base64 = Buffer.from(html).toString('base64').replace(/(.{76})/g, '$1\n');
    expect(declaredCharsets(crlf(`Content-Type: text/html\nContent-Transfer-Encoding: base64\n\n${base64}\n`))).toEqual(['big5']);
    const qp = '<html><head><meta http-equiv=3D"Content-Type" content=3D"text/html; char=\nset=3Dbig5"></head></html>';
    expect(declaredCharsets(crlf(`Content-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n${qp}\n`))).toEqual(['big5']);
  });

  it('lists the top-level charset, then the first text part, then the HTML meta, each once', () => {
    const mail = crlf(`Content-Type: multipart/alternative; boundary=b; charset=windows-1254

--b
Content-Type: text/plain; charset=windows-1254

text
--b
Content-Type: text/html; charset=windows-1254

<meta charset="iso-8859-9"><p>html</p>
--b--
`);
    expect(declaredCharsets(mail)).toEqual(['windows-1254', 'iso-8859-9']);
  });

  it('looks for a <meta charset> only near the start of the HTML', () => {
    const late = `<html><body>${'x'.repeat(5000)}<meta charset=koi8-r></body></html>`;
    expect(declaredCharsets(crlf(`Content-Type: text/html\n\n${late}\n`))).toEqual([]);
  });

  it('survives a multipart without boundaries or closing delimiter', () => {
    expect(declaredCharsets(crlf('Content-Type: multipart/mixed; boundary=never\n\nno parts here\n'))).toEqual([]);
    expect(declaredCharsets(crlf('Content-Type: multipart/mixed\n\n--x\n'))).toEqual([]);
    expect(declaredCharsets(crlf('Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain; charset=big5\n\ncut'))).toEqual(['big5']);
  });
});
