import pg from 'pg';
import { QueryFailedError } from 'typeorm';
import { databaseUnavailabilityOf, describeUnavailability, responseCodeOf, type DatabaseUnavailability } from './database-unavailability.js';

function databaseError(code: string, message: string): pg.DatabaseError {
  const error = new pg.DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

const poolTimeout = () => new Error('timeout exceeded when trying to connect');
const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('databaseUnavailabilityOf', () => {
  it.each<[string, unknown, DatabaseUnavailability | null]>([
    ["pg-pool's checkout timeout, as TypeORM hands it through", poolTimeout(), 'PoolExhausted'],
    ['the same wrapped in a QueryFailedError', new QueryFailedError('SELECT 1', [], poolTimeout()), 'PoolExhausted'],
    ['the same as the cause of another error', new Error('listing failed', { cause: poolTimeout() }), 'PoolExhausted'],
    ['a new connection that did not open in time', new Error('Connection terminated due to connection timeout', { cause: new Error('socket') }), 'ConnectTimeout'],
    ['too_many_connections (53300)', databaseError('53300', 'sorry, too many clients already'), 'TooManyConnections'],
    ['too_many_connections inside a QueryFailedError', new QueryFailedError('SELECT 1', [], databaseError('53300', 'sorry, too many clients already')), 'TooManyConnections'],
    ['a statement timeout (57014) inside a QueryFailedError', new QueryFailedError('SELECT 1', [], databaseError('57014', 'canceling statement due to statement timeout')), 'StatementTimeout'],
    ['a unique violation', new QueryFailedError('INSERT', [], databaseError('23505', 'duplicate key value violates unique constraint')), null],
    ['a refused TCP connection (Postgres down)', refused(), 'Unreachable'],
    ['a refused connection to localhost (IPv4 and IPv6 in an AggregateError)', new AggregateError([refused(), refused()]), 'Unreachable'],
    ['a refused connection as the cause of a pool error', new Error('could not connect', { cause: refused() }), 'Unreachable'],
    ['admin_shutdown (57P01) on a connection in use', new QueryFailedError('SELECT 1', [], databaseError('57P01', 'terminating connection due to administrator command')), 'ShuttingDown'],
    ['cannot_connect_now (57P03) while Postgres starts', databaseError('57P03', 'the database system is starting up'), 'ShuttingDown'],
    ['a connection the server dropped', new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')), 'ConnectionLost'],
    ['an unrelated errno code', Object.assign(new Error('no such file'), { code: 'ENOENT' }), null],
    ['a message that only contains the words', new Error('upstream said: timeout exceeded when trying to connect'), null],
    ['a plain error', new Error('boom'), null],
    ['a thrown string', 'timeout exceeded when trying to connect', null],
    ['null', null, null],
  ])('%s', (_name, error, expected) => {
    expect(databaseUnavailabilityOf(error)).toBe(expected);
  });

  it('stops on a cycle of causes', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = new Error('b', { cause: a });
    expect(databaseUnavailabilityOf(a)).toBeNull();
  });

  it.each<[DatabaseUnavailability, string]>([
    ['PoolExhausted', 'Overloaded'],
    ['ConnectTimeout', 'Overloaded'],
    ['TooManyConnections', 'Overloaded'],
    ['StatementTimeout', 'Overloaded'],
    ['Unreachable', 'DatabaseUnavailable'],
    ['ShuttingDown', 'DatabaseUnavailable'],
    ['ConnectionLost', 'DatabaseUnavailable'],
  ])('%s answers code %s and is described', (kind, code) => {
    expect(responseCodeOf(kind)).toBe(code);
    expect(describeUnavailability(kind)).toEqual(expect.any(String));
  });
});
