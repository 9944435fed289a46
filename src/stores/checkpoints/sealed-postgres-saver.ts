import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import type { ChannelVersions } from '@langchain/langgraph-checkpoint';
import pg from 'pg';
import { SealingSerde } from './sealing-serde';

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
   * On its own pool. An idle pooled connection that breaks (PostgreSQL restarted, the session
   * terminated) is reported to `onIdleError` and replaced on next use; without a listener the
   * pool's 'error' event would end the process.
   */
  static fromConnStringSealed(connString: string, sealing: SealingSerde, onIdleError: (err: Error) => void): SealedPostgresSaver {
    const pool = new pg.Pool({ connectionString: connString });
    pool.on('error', onIdleError);
    return new SealedPostgresSaver(pool, sealing);
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
