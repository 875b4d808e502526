import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { parseMail } from './parse-mail.js';
import { rawHeadersToUtf8 } from './raw-headers-to-utf8.js';

/** A message from header lines and body lines, each text or raw bytes, joined with CRLF. */
function message(headers: (string | Buffer)[], body: (string | Buffer)[]): Buffer {
  const lines = [...headers, '', ...body, ''].map((line) => (typeof line === 'string' ? Buffer.from(line, 'latin1') : line));
  return Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\r\n')]));
}

const field = (name: string, ...value: (string | Buffer)[]): Buffer =>
  Buffer.concat([name, ': ', ...value].map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : part)));

/** Where the message declares the charset its raw 8-bit Subject and From are written in. */
const PLACEMENTS = {
  'the top-level Content-Type': (label: string, body: Buffer) => ({
    headers: [`Content-Type: text/html; charset="${label}"`, 'Content-Transfer-Encoding: 8bit'],
    body: [Buffer.concat([Buffer.from('<p>'), body, Buffer.from('</p>')])],
  }),
  'the first text part of a multipart': (label: string, body: Buffer) => ({
    headers: ['Content-Type: multipart/alternative; boundary="=_b"'],
    body: ['--=_b', `Content-Type: text/plain; charset=${label}`, 'Content-Transfer-Encoding: 8bit', '', body, '--=_b', 'Content-Type: text/html', '', '<p>see the text part</p>', '--=_b--'],
  }),
  'an HTML <meta charset>': (label: string, body: Buffer) => ({
    headers: ['Content-Type: text/html', 'Content-Transfer-Encoding: 8bit'],
    body: [`<html><head><meta http-equiv="Content-Type" content="text/html; charset=${label}"></head>`, Buffer.concat([Buffer.from('<body><p>'), body, Buffer.from('</p></body></html>')])],
  }),
} as const;

/** Real phrases, written with iconv-lite in the charset and declared with the label. */
const LANGUAGES = [
  { charset: 'windows-1254', encoding: 'windows-1254', subject: 'Şirket toplantısı çarşamba öğleden sonraya ertelendi', name: 'Gülşen Yıldırım', body: 'İyi çalışmalar' },
  { charset: 'ks_c_5601-1987', meta: 'euc-kr', encoding: 'cp949', subject: '회의 일정 변경 안내', name: '김민준', body: '안녕하세요' },
  { charset: 'koi8-r', encoding: 'koi8-r', subject: 'Счёт за услуги связи за июнь', name: 'Дмитрий Сиваченко', body: 'Добрый день' },
  { charset: 'big5', encoding: 'big5', subject: '會議紀錄與下週行程', name: '陳美玲', body: '您好' },
  { charset: 'shift_jis', encoding: 'shift_jis', subject: 'お見積りのご依頼について', name: '山田太郎', body: 'お世話になっております' },
  { charset: 'iso-8859-7', encoding: 'iso-8859-7', subject: 'Προσφορά για το νέο έργο', name: 'Γιώργος Παπαδόπουλος', body: 'Καλημέρα' },
];

const CASES = LANGUAGES.flatMap((language) =>
  Object.entries(PLACEMENTS).map(([placement, build]) => ({ ...language, placement, build })),
);

describe('raw 8-bit Subject and display names (no encoded words)', () => {
  it.each(CASES)('decodes $charset declared only in $placement', async ({ charset, meta, encoding, subject, name, body, placement, build }) => {
    const rawSubject = iconv.encode(subject, encoding);
    const rawName = iconv.encode(name, encoding);
    // The table only proves something if neither UTF-8 nor the windows-1252 fallback reads the bytes.
    expect([isUtf8(rawSubject), isUtf8(rawName)]).toEqual([false, false]);
    expect(iconv.decode(rawSubject, 'windows-1252')).not.toBe(subject);

    const label = placement === 'an HTML <meta charset>' ? (meta ?? charset) : charset;
    const declared = build(label, iconv.encode(body, encoding));
    const raw = message([field('From', rawName, ' <sender@example.test>'), 'To: support@casework.test', field('Subject', rawSubject), 'MIME-Version: 1.0', ...declared.headers], declared.body);

    const mail = await parseMail(raw);
    expect(mail.subject).toBe(subject);
    expect(mail.from).toEqual({ email: 'sender@example.test', name });
    expect(mail.headers.get('subject')).toBe(subject);
    expect(mail.headers.get('from')).toBe(`${name} <sender@example.test>`);
  });

  const turkish = 'Sipariş onayı: ödeme alındı';
  const inTurkish = iconv.encode(turkish, 'windows-1254');
  const turkishBody = (contentType: string) => message([field('From', iconv.encode('Ayşe Güneş', 'windows-1254'), ' <ayse@example.com.tr>'), field('Subject', inTurkish), `Content-Type: ${contentType}`], ['<html><head><meta charset="windows-1254"></head><body>x</body></html>']);

  it('reads the Korean shape of the issue: ks_c_5601-1987 on the top-level part and euc-kr in the HTML', async () => {
    const korean = iconv.encode('견적 요청 드립니다', 'cp949');
    const raw = message(
      [field('From', iconv.encode('이서연', 'cp949'), ' <seoyeon@example.co.kr>'), field('Subject', korean), 'Content-Type: text/html; charset="ks_c_5601-1987"'],
      ['<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr"></head><body>x</body></html>'],
    );
    const mail = await parseMail(raw);
    expect(mail.subject).toBe('견적 요청 드립니다');
    expect(mail.from?.name).toBe('이서연');
  });

  it.each(['x-user-defined', 'x-unknown', 'utf-16'])('falls through a top-level %s to the HTML <meta charset>', async (label) => {
    const mail = await parseMail(turkishBody(`text/html; charset=${label}`));
    expect(mail.subject).toBe(turkish);
    expect(mail.from?.name).toBe('Ayşe Güneş');
  });

  it('reads a single-quoted charset parameter', async () => {
    const raw = message([field('Subject', inTurkish), 'From: a@example.com.tr', "Content-Type: text/plain; charset='windows-1254'"], ['x']);
    expect((await parseMail(raw)).subject).toBe(turkish);
  });

  it('keeps a valid UTF-8 Subject as UTF-8 although the body says windows-1254', async () => {
    const raw = message([field('From', Buffer.from('Ayşe Güneş'), ' <ayse@example.com.tr>'), field('Subject', Buffer.from(turkish)), 'Content-Type: text/plain; charset=windows-1254'], ['x']);
    const mail = await parseMail(raw);
    expect(mail.subject).toBe(turkish);
    expect(mail.from?.name).toBe('Ayşe Güneş');
  });

  it('reads windows-1252 when no charset is declared anywhere', async () => {
    const raw = message([field('From', iconv.encode('José Müller', 'windows-1252'), ' <jose@example.com>'), field('Subject', iconv.encode('Reunião – “urgente”', 'windows-1252'))], ['x']);
    const mail = await parseMail(raw);
    expect(mail.subject).toBe('Reunião – “urgente”');
    expect(mail.from?.name).toBe('José Müller');
  });

  it('decodes To, Cc and Reply-To display names by the same rule', async () => {
    const koi8 = (text: string) => iconv.encode(text, 'koi8-r');
    const raw = message(
      [
        'From: sender@example.ru',
        field('To', '"', koi8('Служба поддержки'), '" <support@casework.test>, ', koi8('Иван Петров'), ' <ivan@example.ru>'),
        field('Cc', koi8('Ольга'), ' <olga@example.ru>'),
        field('Reply-To', koi8('Отдел продаж'), ' <sales@example.ru>'),
        'Subject: plain',
        'Content-Type: multipart/mixed; boundary=b',
      ],
      ['--b', 'Content-Type: text/plain; charset=KOI8-R', '', 'x', '--b--'],
    );
    const mail = await parseMail(raw);
    expect(mail.to).toEqual([
      { email: 'support@casework.test', name: 'Служба поддержки' },
      { email: 'ivan@example.ru', name: 'Иван Петров' },
    ]);
    expect(mail.cc).toEqual([{ email: 'olga@example.ru', name: 'Ольга' }]);
    expect(mail.replyTo).toEqual({ email: 'sales@example.ru', name: 'Отдел продаж' });
  });

  it('leaves encoded words in their own charset next to raw bytes in the declared one', async () => {
    const raw = message([field('Subject', '=?KOI8-R?B?8NLJ18XU?= ', inTurkish), 'From: a@example.com.tr', 'Content-Type: text/plain; charset=windows-1254'], ['x']);
    expect((await parseMail(raw)).subject).toBe(`Привет ${turkish}`);
  });

  it('leaves a message without raw 8-bit header bytes (or with UTF-8 ones) as it is', () => {
    const ascii = message(['Subject: =?utf-8?Q?Gr=C3=BC=C3=9Fe?=', 'Content-Type: text/plain; charset=koi8-r'], [iconv.encode('Привет', 'koi8-r')]);
    expect(rawHeadersToUtf8(ascii)).toBe(ascii);
    const utf8 = message([field('Subject', Buffer.from('Grüße')), 'Content-Type: text/plain; charset=koi8-r'], ['x']);
    expect(rawHeadersToUtf8(utf8)).toBe(utf8);
  });

  it('rewrites only the fields it re-reads: other headers, part headers and the body keep their bytes', () => {
    const body = [iconv.encode('İyi günler', 'windows-1254')];
    const other = field('X-Comment', iconv.encode('ğ', 'windows-1254'));
    const raw = message([field('Subject', inTurkish), other, 'Content-Type: text/plain; charset=windows-1254'], body);
    const expected = message([field('Subject', Buffer.from(turkish)), other, 'Content-Type: text/plain; charset=windows-1254'], body);
    expect(rawHeadersToUtf8(raw).equals(expected)).toBe(true);
  });
});
