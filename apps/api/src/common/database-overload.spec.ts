import pg from 'pg';
import { QueryFailedError } from 'typeorm';
import { databaseOverloadOf, describeOverload, type DatabaseOverload } from './database-overload.js';

function databaseError(code: string, message: string): pg.DatabaseError {
  const error = new pg.DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

const poolTimeout = () => new Error('timeout exceeded when trying to connect');

describe('databaseOverloadOf', () => {
  it.each<[string, unknown, DatabaseOverload | null]>([
    ["pg-pool's checkout timeout, as TypeORM hands it through", poolTimeout(), 'PoolExhausted'],
    ['the same wrapped in a QueryFailedError', new QueryFailedError('SELECT 1', [], poolTimeout()), 'PoolExhausted'],
    ['the same as the cause of another error', new Error('listing failed', { cause: poolTimeout() }), 'PoolExhausted'],
    ['a new connection that did not open in time', new Error('Connection terminated due to connection timeout', { cause: new Error('socket') }), 'ConnectTimeout'],
    ['too_many_connections (53300)', databaseError('53300', 'sorry, too many clients already'), 'TooManyConnections'],
    ['too_many_connections inside a QueryFailedError', new QueryFailedError('SELECT 1', [], databaseError('53300', 'sorry, too many clients already')), 'TooManyConnections'],
    ['a statement timeout (57014) inside a QueryFailedError', new QueryFailedError('SELECT 1', [], databaseError('57014', 'canceling statement due to statement timeout')), 'StatementTimeout'],
    ['a unique violation', new QueryFailedError('INSERT', [], databaseError('23505', 'duplicate key value violates unique constraint')), null],
    ['a refused TCP connection (Postgres down, not busy)', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), null],
    ['a message that only contains the words', new Error('upstream said: timeout exceeded when trying to connect'), null],
    ['a plain error', new Error('boom'), null],
    ['a thrown string', 'timeout exceeded when trying to connect', null],
    ['null', null, null],
  ])('%s', (_name, error, expected) => {
    expect(databaseOverloadOf(error)).toBe(expected);
  });

  it('stops on a cycle of causes', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = new Error('b', { cause: a });
    expect(databaseOverloadOf(a)).toBeNull();
  });

  it.each<DatabaseOverload>(['PoolExhausted', 'ConnectTimeout', 'TooManyConnections', 'StatementTimeout'])('describes %s', (overload) => {
    expect(describeOverload(overload)).toEqual(expect.any(String));
  });
});
