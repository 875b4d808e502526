import { generateKeyPairSync } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { freePort, startSmtpCatcher, type SmtpCatcher } from '@casework/devkit';
import { SmtpMailer, SmtpSendError } from './smtp-mailer.js';

const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('SmtpMailer against a real SMTP listener', () => {
  let smtp: SmtpCatcher;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
  });

  afterAll(async () => {
    await smtp?.stop();
  });

  it('sends text, HTML, cc, Reply-To, threading headers and attachments, the envelope to every recipient', async () => {
    const mailer = new SmtpMailer({ host: smtp.host, port: smtp.port, tls: false });
    await mailer.send({
      from: 'safety@casework.test',
      to: { email: 'layla@example.org', name: 'ليلى' },
      cc: [{ email: 'advocate@example.org', name: null }],
      replyTo: 'safety@casework.test',
      subject: 'تلقّينا رسالتك [#100007]',
      text: 'مرحبًا\n',
      html: '<html dir="rtl"><body><p>مرحبًا</p></body></html>',
      messageId: 'fixed-1@casework.test',
      inReplyTo: 'in-1@reporter.example',
      references: ['root@reporter.example', 'in-1@reporter.example'],
      headers: { 'Auto-Submitted': 'auto-replied' },
      attachments: [{ filename: 'guidance.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 test') }],
    });
    mailer.close();
    const caught = await smtp.waitFor((m) => m.messageId === '<fixed-1@casework.test>');
    expect(caught.envelopeFrom).toBe('safety@casework.test');
    expect(caught.envelopeTo.sort()).toEqual(['advocate@example.org', 'layla@example.org']);
    const parsed = await simpleParser(caught.raw);
    expect(parsed.subject).toBe('تلقّينا رسالتك [#100007]');
    expect(parsed.text).toBe('مرحبًا\n');
    expect(parsed.html).toContain('<p>مرحبًا</p>');
    expect(parsed.to && 'value' in parsed.to ? parsed.to.value : null).toEqual([{ address: 'layla@example.org', name: 'ليلى' }]);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(parsed.inReplyTo).toBe('<in-1@reporter.example>');
    expect(parsed.replyTo?.text).toBe('safety@casework.test');
    expect(parsed.attachments.map((a) => [a.filename, a.contentType, a.content.toString()])).toEqual([['guidance.pdf', 'application/pdf', '%PDF-1.4 test']]);
  });

  it('signs with DKIM when configured: d= the domain, s= the selector, over From and Subject', async () => {
    const mailer = new SmtpMailer({ host: smtp.host, port: smtp.port, tls: false, dkim: { domain: 'casework.test', selector: 'casework2025', privateKey } });
    const { raw } = await mailer.send({ from: 'safety@casework.test', to: { email: 'a@example.org', name: null }, subject: 'Signed', text: 'x\n', messageId: 'signed-1@casework.test' });
    mailer.close();
    const caught = await smtp.waitFor((m) => m.messageId === '<signed-1@casework.test>');
    const signature = caught.headers.get('dkim-signature')?.replace(/\s+/g, ' ') ?? '';
    expect(signature).toMatch(/\bd=casework\.test;/);
    expect(signature).toMatch(/\bs=casework2025;/);
    expect(signature).toMatch(/\bh=[^;]*from[^;]*/i);
    expect(signature).toMatch(/\bb=[A-Za-z0-9+/= ]{100,}/);
    // What the sender kept is byte for byte what the server received, signature included.
    expect(raw.equals(caught.raw)).toBe(true);
    expect(raw.toString('latin1').startsWith('DKIM-Signature:')).toBe(true);
  });

  it('reports the reply code of a refusal, and none for a connection that fails', async () => {
    const closed = new SmtpMailer({ host: '127.0.0.1', port: await freePort(), tls: false });
    const error = await closed.send({ from: 'a@casework.test', to: { email: 'b@example.org', name: null }, subject: 's', text: 't', messageId: 'x-1@casework.test' }).catch((e: unknown) => e);
    closed.close();
    expect(error).toBeInstanceOf(SmtpSendError);
    expect((error as SmtpSendError).responseCode).toBeNull();
    expect((error as SmtpSendError).message).toMatch(/ECONNREFUSED|ECONNECTION/);
    expect(SmtpSendError.of(Object.assign(new Error('Can\'t send mail - all recipients were rejected'), { code: 'EENVELOPE', rejectedErrors: [{ responseCode: 550, response: '550 5.1.1 no such user' }] }))).toMatchObject({ responseCode: 550, message: 'EENVELOPE: 550 5.1.1 no such user' });
  });
});
