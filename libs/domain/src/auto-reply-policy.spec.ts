import { autoReplyRecipientProblem, firstPerSender } from './auto-reply-policy.js';

const own = ['safety@casework.test', 'Emergency@Casework.test'];

describe('automatic answers (RFC 3834)', () => {
  it.each([
    ['person@example.org', null],
    ['', 'no usable sender address (null return path)'],
    [null, 'no usable sender address (null return path)'],
    ['<>', 'no usable sender address (null return path)'],
    ['noreply@example.org', 'machine or list sender noreply@…'],
    ['No-Reply@example.org', 'machine or list sender no-reply@…'],
    ['MAILER-DAEMON@mx.example.org', 'machine or list sender mailer-daemon@…'],
    ['wikitech-l-request@lists.example.org', 'machine or list sender wikitech-l-request@…'],
    ['team-bounces@lists.example.org', 'machine or list sender team-bounces@…'],
    ['owner@lists.example.org', 'machine or list sender owner@…'],
    ['emergency@casework.test', 'one of our own addresses'],
  ])('%s → %s', (address, problem) => {
    expect(autoReplyRecipientProblem(address, own)).toBe(problem);
  });

  it('keeps the first mail of each sender per queue in a batch', () => {
    const batch = [
      { id: 1, queueId: 'a', sender: 'x@example.org' },
      { id: 2, queueId: 'a', sender: 'X@Example.org ' },
      { id: 3, queueId: 'b', sender: 'x@example.org' },
      { id: 4, queueId: 'a', sender: 'y@example.org' },
    ];
    expect(firstPerSender(batch, (item) => item).map((item) => item.id)).toEqual([1, 3, 4]);
  });
});
