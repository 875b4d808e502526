import { detectAutomatedMail } from './auto-reply.js';

const own = ['safety@casework.test'];
const verdict = (headers: Record<string, string>, from: string | null = 'person@example.org') =>
  detectAutomatedMail({ headers: new Map(Object.entries(headers)), fromAddress: from, ownAddresses: own });

describe('auto-reply suppression', () => {
  it('lets a person through', () => {
    expect(verdict({ 'auto-submitted': 'no' })).toEqual({ automated: false });
    expect(verdict({})).toEqual({ automated: false });
  });

  it.each([
    [{ 'auto-submitted': 'auto-replied' }],
    [{ 'auto-submitted': 'auto-generated; owner-email="x@y"' }],
    [{ precedence: 'bulk' }],
    [{ precedence: 'Junk' }],
    [{ precedence: 'list' }],
    [{ 'list-id': '<team.lists.example.org>' }],
    [{ 'x-auto-response-suppress': 'OOF, AutoReply' }],
    [{ 'content-type': 'multipart/report; report-type=delivery-status; boundary=x' }],
  ])('flags %p', (headers) => {
    expect(verdict(headers)).toMatchObject({ automated: true });
  });

  it.each(['MAILER-DAEMON@mx.example.org', 'noreply@example.org', 'no-reply@example.org', 'postmaster@example.org', 'do-not-reply@x.org'])(
    'flags machine sender %s',
    (from) => {
      expect(verdict({}, from)).toMatchObject({ automated: true });
    },
  );

  it('flags a null sender and our own address', () => {
    expect(verdict({}, null)).toMatchObject({ automated: true });
    expect(verdict({}, 'Safety@Casework.test')).toMatchObject({ automated: true });
  });
});
