import { deliveryReportOf } from './delivery-report.js';
import { parseMail } from './parse-mail.js';
import { routingFactsOf } from './routing-facts.js';

const raw = (lines: string[]) => Buffer.from(lines.join('\r\n'));

const DSN = raw([
  'From: Mail Delivery System <MAILER-DAEMON@mx.example.org>',
  'To: safety@casework.test',
  'Subject: Undelivered Mail Returned to Sender',
  'Message-ID: <dsn-1@mx.example.org>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
  '',
  '--b',
  'Content-Type: text/plain',
  '',
  'I could not deliver your message.',
  '--b',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example.org',
  '',
  'Final-Recipient: rfc822; Gone@Example.ORG',
  'Action: failed',
  'Status: 5.1.1',
  '--b',
  'Content-Type: message/rfc822',
  '',
  'From: safety@casework.test',
  'To: gone@example.org',
  'Subject: We received your message [#100008]',
  'Message-ID: <ack-1@casework.test>',
  '',
  'Thank you.',
  '--b--',
  '',
]);

const EXIM = raw([
  'From: Mail Delivery System <Mailer-Daemon@mail.example.net>',
  'To: safety@casework.test',
  'Subject: Mail delivery failed: returning message to sender',
  'X-Failed-Recipients: gone@example.net',
  'Auto-Submitted: auto-replied',
  '',
  'This message was created automatically by mail delivery software.',
  '',
  '  gone@example.net',
  '    SMTP error from remote mail server after RCPT TO:<gone@example.net>:',
  '    550 5.1.1 User unknown',
  '',
  '------ This is a copy of the message, including all the headers. ------',
  '',
  'From: safety@casework.test',
  'Message-ID: <reply-9@casework.test>',
  'Subject: Re: your case',
  '',
]);

const QMAIL = raw([
  'From: MAILER-DAEMON@nq.example.jp',
  'To: safety@casework.test',
  'Subject: failure notice',
  '',
  "Hi. This is the qmail-send program at nq.example.jp.",
  '<kijitora@example.jp>:',
  'Sorry, no mailbox here by that name. (#5.1.1)',
  '',
]);

describe('deliveryReportOf', () => {
  it('reads a DSN: status, action, final recipient and the embedded original Message-ID', async () => {
    expect(deliveryReportOf(await parseMail(DSN))).toEqual({
      reportType: 'delivery-status',
      originalMessageIds: ['ack-1@casework.test'],
      failedRecipients: ['gone@example.org'],
      statuses: ['5.1.1'],
      actions: ['failed'],
    });
  });

  it('reads a non-MIME Exim bounce: X-Failed-Recipients, the SMTP status and the quoted original', async () => {
    expect(deliveryReportOf(await parseMail(EXIM))).toEqual({
      reportType: null,
      originalMessageIds: ['reply-9@casework.test'],
      failedRecipients: ['gone@example.net'],
      statuses: ['5.1.1'],
      actions: [],
    });
  });

  it("reads qmail's (#5.1.1)", async () => {
    expect(deliveryReportOf(await parseMail(QMAIL))).toMatchObject({ statuses: ['5.1.1'], originalMessageIds: [] });
  });

  it('finds nothing in a person’s mail', async () => {
    expect(deliveryReportOf(await parseMail(raw(['From: a@example.org', 'Subject: help', '', 'Version 2.1.1 of the app shows 550 users.', ''])))).toBeNull();
  });
});

describe('routingFactsOf', () => {
  it('lower-cases and caps the recipients, and takes the envelope and Delivered-To', async () => {
    const to = Array.from({ length: 500 }, (_, i) => `User${i}@Example.org`).join(', ');
    const mail = await parseMail(raw(['From: A@Example.org', 'Delivered-To: Safety@Casework.test', 'Return-Path: <>', `To: ${to}`, 'Subject: x', '', 'y', '']));
    const facts = routingFactsOf(mail, ['Child@Casework.test']);
    expect(facts.recipients.envelope).toEqual(['child@casework.test']);
    expect(facts.recipients.deliveredTo).toEqual(['safety@casework.test']);
    expect(facts.recipients.to).toHaveLength(100);
    expect(facts.recipients.to[0]).toBe('user0@example.org');
    expect(facts).toMatchObject({ from: 'a@example.org', nullSender: true, report: null });
  });
});
