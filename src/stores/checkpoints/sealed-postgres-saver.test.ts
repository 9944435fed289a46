import { randomBytes } from 'node:crypto';
import { Annotation, END, START, StateGraph } from '@langchain/langgraph';
import pg from 'pg';
import { createDatabase, dropDatabase } from '../../../test/support/test-database';
import { SealedPostgresSaver } from './sealed-postgres-saver';
import { SealingSerde } from './sealing-serde';

const runUrl = process.env.TEST_DATABASE_URL;
const SECRET = 'I never told anyone about the letter from my sister';

/** A two-step graph whose state carries a line of chat: what a simulation's checkpoints hold. */
function graph(saver: SealedPostgresSaver, fail: { now: boolean }) {
  const State = Annotation.Root({ lines: Annotation<string[]>({ reducer: (a, b) => a.concat(b), default: () => [] }) });
  return new StateGraph(State)
    .addNode('say', () => ({ lines: [SECRET] }))
    .addNode('answer', () => {
      if (fail.now) throw new Error('worker killed');
      return { lines: ['Thank you for telling me.'] };
    })
    .addEdge(START, 'say')
    .addEdge('say', 'answer')
    .addEdge('answer', END)
    .compile({ checkpointer: saver });
}

if (runUrl) {
  describe('SealedPostgresSaver', () => {
    let url: string;
    let raw: pg.Pool;
    const savers: SealedPostgresSaver[] = [];
    const saver = (serde: SealingSerde) => {
      const s = SealedPostgresSaver.fromConnStringSealed(url, serde, () => undefined);
      savers.push(s);
      return s;
    };
    beforeAll(async () => {
      url = await createDatabase(runUrl, 'soullink_checkpoints');
      raw = new pg.Pool({ connectionString: url });
    });
    afterAll(async () => {
      for (const s of savers) await s.end();
      await raw.end();
      await dropDatabase(url);
    });

    it('When a run is checkpointed, Then no chat text is stored in the clear, and the run resumes from its sealed checkpoint', async () => {
      const serde = new SealingSerde({ id: 'k1', masterKey: randomBytes(32) });
      const first = saver(serde);
      await first.setup();
      const fail = { now: true };
      const config = { configurable: { thread_id: 'run-1' } };
      await expect(graph(first, fail).invoke({}, config)).rejects.toThrow('worker killed');

      const stored = await raw.query<{ data: Buffer; type: string }>(
        `select blob as data, type from checkpoint_blobs union all select blob as data, type from checkpoint_writes`,
      );
      expect(stored.rows.length).toBeGreaterThan(0);
      for (const row of stored.rows) {
        expect(row.data?.toString('latin1') ?? '').not.toContain('letter from my sister');
        if (row.data) expect(row.type).toMatch(/^sealed:k1:/);
      }

      fail.now = false;
      const resumed = await graph(saver(serde), fail).invoke(null, config);
      expect(resumed.lines).toEqual([SECRET, 'Thank you for telling me.']);
    });

    it('When the master key is rotated, Then a checkpoint sealed with the retired key still opens; without it, loading fails', async () => {
      const old = randomBytes(32);
      const fail = { now: true };
      const config = { configurable: { thread_id: 'run-2' } };
      await expect(graph(saver(new SealingSerde({ id: 'k1', masterKey: old })), fail).invoke({}, config)).rejects.toThrow('worker killed');
      fail.now = false;

      await expect(saver(new SealingSerde({ id: 'k2', masterKey: randomBytes(32) })).getTuple(config)).rejects.toThrow(/master key "k1"/);
      const rotated = saver(new SealingSerde({ id: 'k2', masterKey: randomBytes(32) }, { k1: old }));
      expect((await graph(rotated, fail).invoke(null, config)).lines).toEqual([SECRET, 'Thank you for telling me.']);
    });

    it('When a checked-out connection is terminated between two statements, Then the error is reported (the process goes on) and the next checkpoint uses a new connection', async () => {
      const broken: Error[] = [];
      const s = SealedPostgresSaver.fromConnStringSealed(url, new SealingSerde({ id: 'k1', masterKey: randomBytes(32) }), (err) => broken.push(err));
      savers.push(s);
      await s.setup();
      // What LangGraph's put does: a connection checked out for a transaction, idle between statements.
      const client = await (s as unknown as { pool: pg.Pool }).pool.connect();
      await raw.query('select pg_terminate_backend($1)', [(client as unknown as { processID: number }).processID]);
      // Without a listener of its own, this connection's 'error' would be an uncaught exception.
      for (let i = 0; i < 100 && broken.length === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
      expect(broken[0]?.message).toMatch(/terminat/);
      client.release();
      const config = { configurable: { thread_id: 'run-3' } };
      expect((await graph(s, { now: false }).invoke({}, config)).lines).toEqual([SECRET, 'Thank you for telling me.']);
    });
  });
}
