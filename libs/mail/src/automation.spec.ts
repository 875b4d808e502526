import { automationOf } from './automation.js';
import type { ParsedMail } from './parsed-mail.js';

function mail(headers: Record<string, string>, from: string | null): ParsedMail {
  return {
    messageId: null,
    inReplyTo: [],
    references: [],
    subject: '',
    from: from ? { email: from, name: null } : null,
    replyTo: null,
    to: [],
    cc: [],
    deliveredTo: [],
    date: null,
    text: '',
    html: null,
    headers: new Map(Object.entries(headers)),
    attachments: [],
  };
}

describe('automationOf', () => {
  it('lets a person through', () => {
    expect(automationOf(mail({ subject: 'help' }, 'person@example.com'), ['support@casework.test'])).toEqual({ automated: false });
  });

  it('flags RFC 3834 auto-replies and delivery reports from the raw headers', () => {
    expect(automationOf(mail({ 'auto-submitted': 'auto-replied' }, 'person@example.com'), [])).toMatchObject({ automated: true });
    expect(
      automationOf(mail({ 'content-type': 'multipart/report; report-type=delivery-status; boundary="b"' }, 'mta@example.com'), []),
    ).toEqual({ automated: true, reason: 'delivery or disposition report (multipart/report)' });
  });

  it('flags our own addresses and mail without a sender', () => {
    expect(automationOf(mail({}, 'support@casework.test'), ['Support@Casework.test'])).toEqual({
      automated: true,
      reason: 'sent from one of our own addresses',
    });
    expect(automationOf(mail({}, null), [])).toEqual({ automated: true, reason: 'no sender address (null return path)' });
  });

  it('treats a null Return-Path as no sender, whatever From says', () => {
    expect(automationOf(mail({ 'return-path': '< >' }, 'person@example.com'), [])).toEqual({
      automated: true,
      reason: 'no sender address (null return path)',
    });
    expect(automationOf(mail({ 'return-path': '<person@example.com>' }, 'person@example.com'), [])).toEqual({ automated: false });
  });
});
