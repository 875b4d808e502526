import { DomainError } from '@casework/domain';
import { dispositionOf, readEnvelope } from './event-disposition.js';

describe('event disposition', () => {
  const failed = { kind: 'handlerFailed', error: new Error('boom') } as const;

  it.each([
    [1, 10, { kind: 'retry', delayMs: 1000 }],
    [2, 10, { kind: 'retry', delayMs: 2000 }],
    [9, 10, { kind: 'retry', delayMs: 60_000 }],
    [10, 10, { kind: 'deadLetter', reason: 'handler failed on all 10 deliveries: Error: boom' }],
    [1, 1, { kind: 'deadLetter', reason: 'handler failed on all 1 deliveries: Error: boom' }],
  ])('a handler failure on delivery %i of %i: %j', (delivery, max, expected) => {
    expect(dispositionOf(failed, delivery, max)).toEqual(expected);
  });

  it('dead-letters at once what the domain refuses, and retries what may yet arrive', () => {
    const refused = new DomainError('InvalidStatusTransition', 'a closed ticket is final and cannot change status');
    expect(dispositionOf({ kind: 'handlerFailed', error: refused }, 1, 10)).toEqual({
      kind: 'deadLetter',
      reason: 'handler refused it: InvalidStatusTransition: a closed ticket is final and cannot change status',
    });
    expect(dispositionOf({ kind: 'handlerFailed', error: DomainError.ticketNotFound('t') }, 1, 10)).toEqual({ kind: 'retry', delayMs: 1000 });
  });

  it('dead-letters an unreadable envelope on its first delivery', () => {
    expect(dispositionOf({ kind: 'unreadable', reason: 'not JSON' }, 1, 10)).toEqual({ kind: 'deadLetter', reason: 'not JSON' });
  });
});

describe('readEnvelope', () => {
  const good = { id: 'e1', subject: 'casework.ticket.opened', version: 1, occurredAt: '2026-01-01T00:00:00.000Z', data: {} };

  it('accepts a v1 envelope delivered on its own subject', () => {
    expect(readEnvelope(JSON.stringify(good), 'casework.ticket.opened')).toEqual({ envelope: good });
  });

  it.each([
    ['{', 'not JSON'],
    ['42', 'not an envelope object'],
    [JSON.stringify({ ...good, id: '' }), 'envelope without an id'],
    [JSON.stringify({ ...good, subject: 'casework.other' }), 'envelope subject "casework.other" is not casework.ticket.opened'],
    [JSON.stringify({ ...good, version: 2 }), 'unknown envelope version 2'],
    [JSON.stringify({ ...good, version: undefined }), 'unknown envelope version undefined'],
    [JSON.stringify({ ...good, data: null }), 'envelope without occurredAt or data'],
  ])('refuses %s: %s', (payload, reason) => {
    expect(readEnvelope(payload, 'casework.ticket.opened')).toMatchObject({ reason });
  });

  it('keeps what a dead letter can record of an unreadable envelope: the object and a usable id', () => {
    const wrongVersion = { ...good, version: 2 };
    expect(readEnvelope(JSON.stringify(wrongVersion), 'casework.ticket.opened')).toEqual({ reason: 'unknown envelope version 2', object: wrongVersion, eventId: 'e1' });
    expect(readEnvelope(JSON.stringify({ ...good, id: 7 }), 'casework.ticket.opened')).toMatchObject({ reason: 'envelope without an id', eventId: null });
    expect(readEnvelope('[1]', 'casework.ticket.opened')).toMatchObject({ eventId: null });
    expect(readEnvelope('"x"', 'casework.ticket.opened')).toEqual({ reason: 'not an envelope object', object: null, eventId: null });
  });
});
