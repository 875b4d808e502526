import { decideRouting } from './decide-routing.js';
import { input, mail, POSTMASTER, report, TICKET, ticket } from './routing.fixture.js';

const OUTBOUND = { outboundId: 'out-1', ticketId: TICKET };
const dsn = (overrides: Parameters<typeof report>[0] = {}, mailOverrides: Parameters<typeof mail>[0] = {}) =>
  mail({
    from: 'mailer-daemon@mx.example.org',
    nullSender: true,
    subject: 'Delivery Status Notification (Failure)',
    headers: { 'content-type': 'multipart/report; report-type=delivery-status; boundary=x', 'auto-submitted': 'auto-replied' },
    report: report(overrides),
    ...mailOverrides,
  });
const withOutbound = (mailFacts: ReturnType<typeof mail>) =>
  input({ mail: mailFacts, outbound: { byMessageId: new Map([['ack-1@casework.test', OUTBOUND]]), byRecipient: new Map([['gone@example.org', OUTBOUND]]) } });

describe('decideRouting: bounces', () => {
  it('attaches a DSN to the ticket of the outbound message it reports on, marking it failed with the status', () => {
    const decision = decideRouting(withOutbound(dsn({ originalMessageIds: ['<ack-1@casework.test>'], statuses: ['5.1.1'], actions: ['failed'] })));
    expect(decision).toEqual({
      action: 'note',
      ticketId: TICKET,
      note: 'bounce',
      bounce: { outboundId: 'out-1', status: '5.1.1', failed: true },
      steps: [{ kind: 'bounce_attached', outboundId: 'out-1', status: '5.1.1', failed: true }],
    });
  });

  it.each([
    ['its In-Reply-To', dsn({}, { inReplyTo: ['ack-1@casework.test'] })],
    ['X-Failed-Recipients', dsn({ failedRecipients: ['gone@example.org'] }, { headers: { 'x-failed-recipients': 'gone@example.org' }, report: report({ reportType: null, failedRecipients: ['gone@example.org'] }) })],
  ])('finds the outbound message by %s', (_how, bounce) => {
    expect(decideRouting(withOutbound(bounce))).toMatchObject({ action: 'note', bounce: { outboundId: 'out-1' } });
  });

  it('does not match by recipient a bounce whose original is someone else’s message', () => {
    const bounce = dsn({ originalMessageIds: ['other@elsewhere.example'], failedRecipients: ['gone@example.org'] });
    expect(decideRouting(withOutbound(bounce))).toMatchObject({ action: 'open', queueId: POSTMASTER });
  });

  it('notes a delay without marking the message failed', () => {
    const decision = decideRouting(withOutbound(dsn({ originalMessageIds: ['ack-1@casework.test'], statuses: ['4.4.7'], actions: ['delayed'] })));
    expect(decision).toMatchObject({ action: 'note', bounce: { status: '4.4.7', failed: false } });
  });

  it.each([
    ['Exim', 'Mail delivery failed: returning message to sender', 'mailer-daemon@mx.example.org'],
    ['qmail', 'failure notice', 'MAILER-DAEMON@example.jp'.toLowerCase()],
    ['Exchange', 'Undeliverable: Your case', 'postmaster@example.onmicrosoft.com'],
    ['Sendmail', 'Returned mail: User unknown', 'mailer-daemon@example.com'],
  ])('recognises a non-standard %s bounce', (_mta, subject, from) => {
    const bounce = mail({ from, subject, report: report({ reportType: null, originalMessageIds: ['ack-1@casework.test'] }) });
    expect(decideRouting(withOutbound(bounce))).toMatchObject({ action: 'note', note: 'bounce', bounce: { outboundId: 'out-1', failed: true } });
  });

  it('attaches a bounce of a message of a ticket that is not one of our outbound rows, without marking anything', () => {
    const decision = decideRouting(input({ mail: dsn({ originalMessageIds: ['ours-1@casework.test'], statuses: ['5.0.0'] }), ticket: ticket() }));
    expect(decision).toMatchObject({ action: 'note', ticketId: TICKET, bounce: null, steps: [{ kind: 'bounce_attached', outboundId: null, status: '5.0.0' }] });
  });

  it('sends an unmatched bounce to the postmaster queue, opening no ticket elsewhere and acknowledging nothing', () => {
    const decision = decideRouting(input({ mail: dsn({ originalMessageIds: ['someone-else@example.org'] }) }));
    expect(decision).toMatchObject({ action: 'open', queueId: POSTMASTER, suppressAcknowledgement: 'postmaster', systemNote: 'bounce', spam: null });
  });

  it('opens a ticket for a postmaster writing in person (no bounce subject, no report)', () => {
    expect(decideRouting(input({ mail: mail({ from: 'postmaster@isp.example', subject: 'Abuse from our customer' }) }))).toMatchObject({ action: 'open', systemNote: null });
  });
});

describe('decideRouting: auto-replies', () => {
  it.each([
    ['Auto-Submitted: auto-replied', { headers: { 'auto-submitted': 'auto-replied' }, subject: 'Away' }],
    ['an "Automatic reply:" subject', { subject: 'Automatic reply: Your case [#100008]' }],
    ['a read receipt', { report: report({ reportType: 'disposition-notification' }), subject: 'Read: your case' }],
  ])('keeps %s to our mail as a system note on its ticket', (_what, overrides) => {
    const decision = decideRouting(input({ mail: mail({ from: 'rita@example.org', inReplyTo: ['ours-1@casework.test'], ...overrides }), ticket: ticket({ status: 'resolved' }) }));
    expect(decision).toMatchObject({ action: 'note', ticketId: TICKET, note: 'auto_reply', bounce: null });
  });
});
