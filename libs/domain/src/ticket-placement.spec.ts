import { placeNewTicket, requesterOf } from './ticket-placement.js';

describe('ticket placement', () => {
  it.each([
    [{ mailboxQueueId: 'q-mailbox', defaultQueueId: 'q-default' }, { queueId: 'q-mailbox', priority: 'normal' }],
    [{ mailboxQueueId: null, defaultQueueId: 'q-default' }, { queueId: 'q-default', priority: 'normal' }],
    [{ mailboxQueueId: null, defaultQueueId: null }, null],
  ])('%j → %j', (input, expected) => {
    expect(placeNewTicket(input)).toEqual(expected);
  });

  const from = { email: 'writer@example.org', name: 'Writer' };
  const replyTo = { email: 'reply@example.org', name: null };
  it.each([
    [{ replyTo, from }, replyTo],
    [{ replyTo: null, from }, from],
    [{ replyTo: null, from: null }, { email: 'unknown@invalid', name: null }],
  ])('answers %j at %j', (mail, expected) => {
    expect(requesterOf(mail)).toEqual(expected);
  });
});
