import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import type { ChannelVersions } from '@langchain/langgraph-checkpoint';
import pg from 'pg';
import { SealingSerde } from './sealing-serde';

const afterThisStep = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * LangGraph's PostgreSQL checkpointer with the state sealed at rest. A run's checkpoints hold
 * its turns, the scene and the agents' goals while it runs (they are deleted when it
 * finishes); the transcript store encrypts the same lines, so the checkpoint tables must not
 * hold them in the clear. Channel values and pending writes are sealed (see SealingSerde);
 * the checkpoint's bookkeeping (ids, versions, step metadata) stays readable, as LangGraph
 * queries it.
 */
export class SealedPostgresSaver extends PostgresSaver {
  private readonly sealing: SealingSerde;

  constructor(pool: pg.Pool, sealing: SealingSerde) {
    super(pool, sealing);
    this.sealing = sealing;
  }

  /**
   * On its own pool. A pooled connection that breaks (PostgreSQL restarted, the session
   * terminated) is reported to `onIdleError` and replaced on next use; without a listener the
   * pool's 'error' event would end the process. The pool listens only to idle connections: one
   * checked out (between the statements of a checkpoint's transaction) gets a listener of its
   * own, or its 'error' would end the process (a worker crashed whenever its sessions were
   * terminated mid-step; test/chaos-runs.int.test.ts). The statement in flight fails, and the
   * broken connection is dropped on release.
   */
  static fromConnStringSealed(connString: string, sealing: SealingSerde, onIdleError: (err: Error) => void): SealedPostgresSaver {
    const pool = new pg.Pool({ connectionString: connString });
    pool.on('error', onIdleError);
    pool.on('connect', (client) => client.on('error', onIdleError));
    return new SealedPostgresSaver(pool, sealing);
  }

  /**
   * LangGraph calls put and putWrites as it commits a step and goes on without waiting
   * ("async" durability), but their first part, serialising and sealing every written value,
   * ran at once: CPU between one node's end and the next node's start, i.e. between two
   * agents' model calls. Started on the event loop's next check phase instead, it runs while
   * the next node's model call is in flight. LangGraph hands over values it no longer changes
   * (a copied checkpoint, the task's writes), and keeps calls in order (puts are chained;
   * setImmediate keeps FIFO order), so what is stored is the same.
   */
  override async put(...args: Parameters<PostgresSaver['put']>): ReturnType<PostgresSaver['put']> {
    await afterThisStep();
    return super.put(...args);
  }

  override async putWrites(...args: Parameters<PostgresSaver['putWrites']>): ReturnType<PostgresSaver['putWrites']> {
    await afterThisStep();
    return super.putWrites(...args);
  }

  protected override async _dumpBlobs(threadId: string, checkpointNs: string, values: Record<string, unknown>, versions: ChannelVersions) {
    const rows = await super._dumpBlobs(threadId, checkpointNs, values, versions);
    return rows.map((row): typeof row => {
      const [thread, ns, channel, version, type, value] = row;
      if (!value) return row;
      const [sealedType, sealed] = this.sealing.sealTyped(type, value);
      return [thread, ns, channel, version, sealedType, sealed];
    });
  }

  protected override async _dumpWrites(threadId: string, checkpointNs: string, checkpointId: string, taskId: string, writes: [string, unknown][]) {
    const rows = await super._dumpWrites(threadId, checkpointNs, checkpointId, taskId, writes);
    return rows.map((row): typeof row => {
      const [thread, ns, checkpoint, task, idx, channel, type, value] = row;
      const [sealedType, sealed] = this.sealing.sealTyped(type, value);
      return [thread, ns, checkpoint, task, idx, channel, sealedType, sealed];
    });
  }
}
