/**
 * PostgreSQL, Redis or MongoDB went away under a caller (a session terminated, a server restarted, a
 * connection dropped): an outage of the infrastructure, gone on a retry, not a fault of the
 * work that met it. Read from SQLSTATE classes 08 (connection exception) and 57P (operator
 * intervention), and from the messages pg, knex and ioredis give a lost connection. The
 * error's `cause` chain is searched too. Bare socket codes (ECONNREFUSED…) are not read: a
 * model server's HTTP client gives them too, and a run whose model is gone must fail, not be
 * tried again forever.
 */
export function isConnectionLoss(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    if (typeof e !== 'object') return false;
    const { code, message, name } = e as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof name === 'string' && MONGO_LOST.has(name)) return true;
    if (typeof code === 'string' && /^(08|57P0)/.test(code)) return true;
    if (typeof message === 'string' && LOST.some((pattern) => pattern.test(message))) return true;
  }
  return false;
}

/** The MongoDB driver's errors for a lost or unreachable server (transcripts may live there). */
const MONGO_LOST = new Set(['MongoNetworkError', 'MongoNetworkTimeoutError', 'MongoServerSelectionError']);

const LOST = [
  // pg
  // (knex puts the statement before the driver's message: "<sql> - Connection terminated unexpectedly")
  /Connection terminated( unexpectedly)?$/,
  /terminating connection due to administrator command/,
  /Client has encountered a connection error and is not queryable/,
  // knex: every pooled connection was broken and none could be made in time; a transaction
  // whose connection broke under it (rolled back) and was then asked for its next statement
  /^Knex: Timeout acquiring a connection/,
  /Transaction query already complete/,
  // ioredis
  /^Connection is closed\.$/,
  /^Stream isn't writeable and enableOfflineQueue options is false$/,
];
