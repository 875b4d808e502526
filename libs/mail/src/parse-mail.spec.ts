import { parseMail } from './parse-mail.js';
import { createHash } from 'node:crypto';
import { MailParseError } from './mail-parse-error.js';



/** Fixtures are written with LF and sent as CRLF, like mail on the wire. */
const crlf = (text: string): Buffer => Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8');

async function parseError(raw: Buffer, opts?: { maxBytes?: number }): Promise<MailParseError> {
  try {
    await parseMail(raw, opts);
  } catch (err) {
    if (err instanceof MailParseError) return err;
    throw err;
  }
  throw new Error('expected parseMail to throw');
}

describe('parseMail', () => {
  const alternative = crlf(`From: "Doe, Jane" <Jane.Doe@Example.COM>
To: Team: a@x.test, b@y.test;, c@Z.test
Cc: Carl <carl@cc.test>
Reply-To: replies@example.com
Subject: Quarterly report
Date: Tue, 02 Jan 2024 10:00:00 +0100
Message-ID: <Abc.123@Mail.Example.COM>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8

Hello plain world
--alt
Content-Type: text/html; charset=utf-8

<p>Hello <b>html</b> world<img src="https://tracker.test/p.gif"></p>
--alt--
`);

  it('maps a multipart/alternative mail to plain fields', async () => {
    const mail = await parseMail(alternative);
    expect(mail.messageId).toBe('Abc.123@mail.example.com');
    expect(mail.subject).toBe('Quarterly report');
    expect(mail.from).toEqual({ email: 'jane.doe@example.com', name: 'Doe, Jane' });
    expect(mail.replyTo).toEqual({ email: 'replies@example.com', name: null });
    // The group is flattened into its members.
    expect(mail.to.map((a) => a.email)).toEqual(['a@x.test', 'b@y.test', 'c@z.test']);
    expect(mail.cc).toEqual([{ email: 'carl@cc.test', name: 'Carl' }]);
    expect(mail.date?.toISOString()).toBe('2024-01-02T09:00:00.000Z');
    expect(mail.text.trim()).toBe('Hello plain world');
    expect(mail.html).toBe('<p>Hello <b>html</b> world<img data-remote-src="https://tracker.test/p.gif" /></p>');
    expect(mail.attachments).toEqual([]);
  });

  it('keeps first header values as raw strings, including structured headers', async () => {
    const mail = await parseMail(alternative);
    expect(mail.headers.get('from')).toBe('"Doe, Jane" <Jane.Doe@Example.COM>');
    expect(mail.headers.get('content-type')).toBe('multipart/alternative; boundary="alt"');
    expect(mail.headers.get('date')).toBe('Tue, 02 Jan 2024 10:00:00 +0100');
    expect(mail.headers.get('subject')).toBe('Quarterly report');
    expect([...mail.headers.keys()]).toContain('mime-version');
  });

  it('sanitises an HTML-only mail and derives its text', async () => {
    const mail = await parseMail(
      crlf(`From: sender@example.com
Subject: html only
Content-Type: text/html; charset=utf-8

<html><head><title>Ignore me</title><style>p { color: red }</style></head>
<body><p>Hello&nbsp;there</p><script>alert('x')</script>
<p><img src="x" onerror="alert(1)">Second &amp; last</p></body></html>
`),
    );
    expect(mail.html).not.toMatch(/script|onerror|alert|<img/i);
    expect(mail.html).toContain('<p>Second &amp; last</p>');
    expect(mail.text).toBe('Hello there\n\nSecond & last');
  });

  it('decodes encoded-word subjects and quoted-printable ISO-8859-1 bodies', async () => {
    const mail = await parseMail(
      crlf(`From: =?ISO-8859-1?Q?J=FCrgen_M=FCller?= <juergen@example.de>
Subject: =?ISO-8859-1?Q?Gr=FC=DFe_aus_K=F6ln?= und =?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?=
Content-Type: text/plain; charset=ISO-8859-1
Content-Transfer-Encoding: quoted-printable

Caf=E9 au lait, s'il vous pla=EEt.
`),
    );
    expect(mail.subject).toBe('Grüße aus Köln und 日本語');
    expect(mail.headers.get('subject')).toBe('Grüße aus Köln und 日本語');
    expect(mail.from).toEqual({ email: 'juergen@example.de', name: 'Jürgen Müller' });
    expect(mail.text.trim()).toBe("Café au lait, s'il vous plaît.");
  });

  it('reads a raw 8-bit subject that is not UTF-8 in the declared charset, else as windows-1252', async () => {
    const message = (contentType: string, subject: Buffer) =>
      Buffer.concat([Buffer.from(`From: a@example.org\r\n${contentType}Subject: `), subject, Buffer.from('\r\n\r\nBody.\r\n')]);
    // "Zażółć" in ISO-8859-2, declared by the message.
    const polish = Buffer.from([0x5a, 0x61, 0xbf, 0xf3, 0xb3, 0xe6]);
    expect((await parseMail(message('Content-Type: text/plain; charset=iso-8859-2\r\n', polish))).subject).toBe('Zażółć');
    // "Formação – Verão" in windows-1252, no charset declared.
    const portuguese = Buffer.from([0x46, 0x6f, 0x72, 0x6d, 0x61, 0xe7, 0xe3, 0x6f, 0x20, 0x96, 0x20, 0x56, 0x65, 0x72, 0xe3, 0x6f]);
    expect((await parseMail(message('', portuguese))).subject).toBe('Formação – Verão');
    // Real UTF-8 stays as it is.
    expect((await parseMail(message('', Buffer.from('Grüße')))).subject).toBe('Grüße');
  });

  it('decodes an 8-bit windows-1251 body and a KOI8-R subject', async () => {
    const head = Buffer.from(
      'From: ivan@example.ru\r\nSubject: =?KOI8-R?B?8NLJ18XU?=\r\n' +
        'Content-Type: text/plain; charset=windows-1251\r\nContent-Transfer-Encoding: 8bit\r\n\r\n',
      'latin1',
    );
    // "Привет, мир" in windows-1251.
    const body = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0, 0x0d, 0x0a]);
    const mail = await parseMail(Buffer.concat([head, body]));
    expect(mail.subject).toBe('Привет');
    expect(mail.text.trim()).toBe('Привет, мир');
  });

  it('parses CR-only line endings like LF ones', async () => {
    const lf = `From: Old Mac <mac@example.com>
To: support@casework.test
Subject: Classic line endings
Message-ID: <cr@example.com>
Content-Type: text/plain; charset=us-ascii

first line
second line
`;
    const crOnly = await parseMail(Buffer.from(lf.replace(/\n/g, '\r'), 'latin1'));
    const unix = await parseMail(Buffer.from(lf, 'latin1'));
    expect(crOnly.subject).toBe('Classic line endings');
    expect(crOnly.from).toEqual({ email: 'mac@example.com', name: 'Old Mac' });
    expect(crOnly.messageId).toBe('cr@example.com');
    expect(crOnly.text.replace(/\r\n/g, '\n').trim()).toBe('first line\nsecond line');
    expect(unix.text.trim()).toBe('first line\nsecond line');
    expect([...crOnly.headers.entries()]).toEqual([...unix.headers.entries()]);
  });

  it('extracts normalized threading ids from In-Reply-To and folded References', async () => {
    const mail = await parseMail(
      crlf(`From: a@example.com
Subject: Re: thread
Message-ID: <child@Example.org>
In-Reply-To: <parent@Example.ORG> (Jane's message of Monday)
References: <root@example.org>
 <Middle@Example.org>
\t<parent@example.org>

reply
`),
    );
    expect(mail.messageId).toBe('child@example.org');
    expect(mail.inReplyTo).toEqual(['parent@example.org']);
    expect(mail.references).toEqual(['root@example.org', 'Middle@example.org', 'parent@example.org']);
  });

  it('returns attachments with content, size and sha256, and marks cid images inline', async () => {
    const mail = await parseMail(
      crlf(`From: a@example.com
Subject: files
Content-Type: multipart/mixed; boundary="mix"

--mix
Content-Type: multipart/related; boundary="rel"

--rel
Content-Type: text/html; charset=utf-8

<p>Logo: <img src="cid:logo.1@Example.com"></p>
--rel
Content-Type: image/png
Content-ID: <logo.1@Example.com>
Content-Transfer-Encoding: base64

iVBORw0KGgo=
--rel--
--mix
Content-Type: text/plain; name="notes.txt"
Content-Disposition: attachment; filename="notes.txt"
Content-Transfer-Encoding: base64

aGVsbG8gYXR0YWNobWVudAo=
--mix--
`),
    );
    expect(mail.attachments).toHaveLength(2);
    const [logo, notes] = mail.attachments;
    expect(notes.filename).toBe('notes.txt');
    expect(notes.contentType).toBe('text/plain');
    expect(notes.content.toString('utf8')).toBe('hello attachment\n');
    expect(notes.size).toBe(17);
    expect(notes.sha256).toBe('2852d7262f1fd6339a426560101d5840edf5b8999b90eb6b2eea86c8b9f7e298');
    expect(notes.inline).toBe(false);
    expect(logo.contentType).toBe('image/png');
    expect(logo.contentId).toBe('logo.1@Example.com');
    expect(logo.inline).toBe(true);
    expect(logo.sha256).toBe(createHash('sha256').update(Buffer.from('iVBORw0KGgo=', 'base64')).digest('hex'));
    // The cid reference survives sanitising so the UI can resolve it to the attachment.
    expect(mail.html).toBe('<p>Logo: <img src="cid:logo.1@Example.com" /></p>');
  });

  it('tolerates missing From, Message-ID and Subject and a broken Date', async () => {
    const mail = await parseMail(crlf('To: someone@example.com\nDate: not a date\n\njust a body\n'));
    expect(mail.from).toBeNull();
    expect(mail.messageId).toBeNull();
    expect(mail.subject).toBe('');
    expect(mail.date).toBeNull();
    expect(mail.html).toBeNull();
    expect(mail.text.trim()).toBe('just a body');
  });

  it('does not throw for a multipart without its closing boundary', async () => {
    const mail = await parseMail(
      crlf(`From: a@example.com
Subject: cut off
Content-Type: multipart/mixed; boundary="never-closed"

--never-closed
Content-Type: text/plain

still readable
`),
    );
    expect(mail.text).toContain('still readable');
  });

  it('falls back to the raw body when a multipart has no usable boundary', async () => {
    const mail = await parseMail(
      crlf(`From: mailer-daemon@example.com
Subject: Returned mail
Content-Type: multipart/report; report-type=delivery-status; boundary="declared"

The original message could not be delivered.
550 5.1.1 user unknown
`),
    );
    expect(mail.text).toBe('The original message could not be delivered.\r\n550 5.1.1 user unknown');
  });

  it('rejects empty and whitespace-only input', async () => {
    expect((await parseError(Buffer.alloc(0))).reason).toBe('empty');
    expect((await parseError(Buffer.from(' \r\n\t\n'))).reason).toBe('empty');
  });

  it('rejects input over maxBytes', async () => {
    const error = await parseError(alternative, { maxBytes: 100 });
    expect(error.reason).toBe('too-large');
    expect(error).toBeInstanceOf(MailParseError);
  });

  it('rejects input that is not a mail at all', async () => {
    // The start of a TNEF (winmail.dat) blob, and a few bytes of text without any header field.
    expect((await parseError(Buffer.from([0x78, 0x9f, 0x3e, 0x22, 0x00, 0x01, 0x06, 0x90, 0x0a]))).reason).toBe(
      'not-a-message',
    );
    expect((await parseError(Buffer.from('22\nhello\n'))).reason).toBe('not-a-message');
  });

  it('accepts NUL bytes in a body', async () => {
    const mail = await parseMail(Buffer.from('From: a@example.com\r\nSubject: nul\r\n\r\nbefore\u0000after\r\n', 'latin1'));
    expect(mail.subject).toBe('nul');
  });

  it('reports what mailparser refuses as unparseable', async () => {
    const hugeHeader = Buffer.from(`Subject: x\r\nX-Big: ${'a'.repeat(1_100_000)}\r\n\r\nbody`);
    const error = await parseError(hugeHeader);
    expect(error.reason).toBe('unparseable');
    expect(error.message).toMatch(/header size/i);
  });
});
