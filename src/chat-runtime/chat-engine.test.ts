import type { ChatDeps } from '../domain/chats/chat-deps';
import { createLogger } from '../observability/logger';
import type { ClaimedReply } from '../ports/chat-store.port';
import { ChatEngine, ERASURE_CHECK_FAILED } from './chat-engine';

interface LogLine {
  level: number;
  msg: string;
  sessionId?: string;
  replyId?: string;
  err?: { message?: string };
}

const SESSION_ID = '5f0c8a9e-0000-4000-8000-000000000001';
const REPLY_ID = '5f0c8a9e-0000-4000-8000-000000000002';
const OWNER_ID = '5f0c8a9e-0000-4000-8000-000000000003';

/**
 * Just enough of the deps for one claimed reply whose write fails (its session row cannot be
 * read), on a database where the erasure check fails too.
 */
function engineWhoseErasureCheckFails(logs: LogLine[]): ChatEngine {
  // A claim that does not know the persona: the reply's context reads the session row first.
  const claimed = { id: REPLY_ID, seq: 2, replyTo: null, ownerId: OWNER_ID } as unknown as ClaimedReply;
  const deps = {
    logger: createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) }),
    orm: { em: { fork: () => ({ transactional: () => Promise.reject(new Error('Connection terminated unexpectedly')) }) } },
    chatStore: {
      rows: { forReply: () => Promise.reject(new Error('the session row cannot be read')) },
      replies: {
        acquireLeaseAndClaim: async () => ({ leased: true, reply: claimed }),
        claimNext: async () => undefined,
        renewLease: async () => undefined,
        releaseLease: async () => undefined,
        requeue: async () => undefined,
        hasQueued: async () => false,
      },
    },
  } as unknown as ChatDeps;
  return new ChatEngine(deps);
}

describe('ChatEngine, a failed reply whose account cannot be checked for erasure', () => {
  it('When the erasure check fails too, Then its failure is logged at warn with the session and reply ids, and the reply\'s own failure is reported as it is', async () => {
    const logs: LogLine[] = [];
    const engine = engineWhoseErasureCheckFails(logs);

    engine.kick(SESSION_ID);
    const deadline = Date.now() + 5_000;
    while (!logs.some((l) => l.msg === 'chat engine task failed') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await engine.close(0);

    expect(logs.filter((l) => l.msg === ERASURE_CHECK_FAILED)).toEqual([
      expect.objectContaining({ level: 40, sessionId: SESSION_ID, replyId: REPLY_ID, err: expect.objectContaining({ message: 'Connection terminated unexpectedly' }) }),
    ]);
    // A check that cannot tell means "not erased": the reply's failure itself goes on as an error.
    expect(logs.filter((l) => l.level >= 50)).toEqual([
      expect.objectContaining({ msg: 'chat engine task failed', err: expect.objectContaining({ message: 'the session row cannot be read' }) }),
    ]);
  });
});
