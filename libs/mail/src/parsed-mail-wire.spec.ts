import { parseMail } from './parse-mail.js';
import { fromWireMail, toWireMail } from './parsed-mail-wire.js';

const crlf = (text: string): Buffer => Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8');

describe('ParsedMail over a worker boundary', () => {
  it('survives structured cloning: headers as a Map, dates as Dates, attachment contents as Buffers', async () => {
    const mail = await parseMail(
      crlf(`From: Rita <rita@example.org>
To: safety@casework.test
Subject: Evidence
Date: Tue, 02 Jan 2024 10:00:00 +0000
Message-ID: <wire-1@example.org>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: text/plain; charset=utf-8

See attached.
--b
Content-Type: application/octet-stream; name="blob.bin"
Content-Disposition: attachment; filename="blob.bin"
Content-Transfer-Encoding: base64

AAECAwT/
--b--
`),
    );
    // What postMessage does: Buffers come out as plain Uint8Arrays.
    const cloned = structuredClone(toWireMail(mail));
    expect(Buffer.isBuffer(cloned.attachments[0].content)).toBe(false);

    const back = fromWireMail(cloned);
    expect(back).toEqual(mail);
    expect(back.headers).toBeInstanceOf(Map);
    expect(back.headers.get('subject')).toBe('Evidence');
    expect(back.date?.toISOString()).toBe('2024-01-02T10:00:00.000Z');
    expect(Buffer.isBuffer(back.attachments[0].content)).toBe(true);
    expect(back.attachments[0].content).toEqual(Buffer.from([0, 1, 2, 3, 4, 0xff]));
  });
});
