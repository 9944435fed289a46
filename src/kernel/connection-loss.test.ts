import { isConnectionLoss } from './connection-loss';

describe('isConnectionLoss', () => {
  it('When PostgreSQL ended the session or the socket dropped, Then it is a connection loss (also as a cause)', () => {
    expect(isConnectionLoss(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isConnectionLoss(Object.assign(new Error('connection failure'), { code: '08006' }))).toBe(true);
    expect(isConnectionLoss(new Error('Connection terminated unexpectedly'))).toBe(true);
    // knex quotes the statement first; a transaction whose connection broke refuses its next statement.
    expect(isConnectionLoss(new Error('insert into simulation_events ... - Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionLoss(new Error('Transaction query already complete, run with DEBUG=knex:tx for more info'))).toBe(true);
    expect(isConnectionLoss(new Error('Connection is closed.'))).toBe(true);
    expect(isConnectionLoss(Object.assign(new Error('connection 3 to 127.0.0.1:27017 closed'), { name: 'MongoNetworkError' }))).toBe(true);
    expect(isConnectionLoss(new Error('graph step failed', { cause: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }) }))).toBe(true);
  });

  it('When the error is the work’s own (a constraint, a bad reply, a bug), Then it is not', () => {
    expect(isConnectionLoss(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBe(false);
    expect(isConnectionLoss(new Error('No model could answer'))).toBe(false);
    // A model server that is down fails the run (it is not PostgreSQL or Redis).
    expect(isConnectionLoss(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8080'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(isConnectionLoss(new TypeError("Cannot read properties of undefined (reading 'turn')"))).toBe(false);
    expect(isConnectionLoss(undefined)).toBe(false);
  });
});
