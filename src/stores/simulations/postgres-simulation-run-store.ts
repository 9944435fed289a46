import type { SimulationOutcome, SimulationRunStore } from '../../ports/simulation-run-store.port';
import { sqlRows, type SqlExecutor } from '../postgres/sql-executor';

/** The run-time writes of simulations on the `simulations`, `simulation_events` and `simulation_episodes` tables. */
export class PostgresSimulationRunStore implements SimulationRunStore {
  constructor(private readonly db: SqlExecutor) {}

  async appendEvent(simulationId: string, event: { type: string; payload: Record<string, unknown>; key: string | null; at: Date }): Promise<number | undefined> {
    const { type, payload, key, at } = event;
    // One round trip: a keyed event already logged takes no seq (no gap), and a racing writer
    // of the same key loses on the unique (simulation_id, key).
    const rows = await sqlRows<{ seq: number }>(
      this.db,
      `with next as (
         update simulations set event_seq = event_seq + 1
         where id = ? and status in ('QUEUED', 'RUNNING') and (?::text is null or not exists (select 1 from simulation_events where simulation_id = ? and key = ?::text))
         returning event_seq)
       insert into simulation_events (simulation_id, seq, type, payload, key, created_at)
       select ?, event_seq, ?, ?, ?, ? from next on conflict (simulation_id, key) do nothing returning seq`,
      [simulationId, key, simulationId, key, simulationId, type, JSON.stringify(payload), key, at],
    );
    return rows.length === 0 ? undefined : Number(rows[0]!.seq);
  }

  async end(simulationId: string, ending: { status: string; outcome: SimulationOutcome; type: string; payload: Record<string, unknown>; at: Date }): Promise<number | undefined> {
    const { status, outcome, type, payload, at } = ending;
    const rows = await sqlRows<{ seq: number }>(
      this.db,
      `with ended as (
         update simulations
            set status = ?, finished_at = ?, event_seq = event_seq + 1,
                report = coalesce(?::jsonb, report), tokens_used = coalesce(?::int, tokens_used),
                cost_usd = coalesce(?::numeric, cost_usd), failure_reason = coalesce(?::text, failure_reason)
          where id = ? and status in ('QUEUED', 'RUNNING')
          returning event_seq)
       insert into simulation_events (simulation_id, seq, type, payload, key, created_at)
       select ?, event_seq, ?, ?, null, ? from ended returning seq`,
      [
        status,
        at,
        outcome.report === undefined ? null : JSON.stringify(outcome.report),
        outcome.tokensUsed ?? null,
        outcome.costUsd ?? null,
        outcome.failureReason ?? null,
        simulationId,
        simulationId,
        type,
        JSON.stringify(payload),
        at,
      ],
    );
    return rows.length === 0 ? undefined : Number(rows[0]!.seq);
  }

  async recordEpisodeScore(simulationId: string, score: { scenarioId: string; episodeIndex: number }): Promise<void> {
    await this.db.execute(
      `insert into simulation_episodes (id, simulation_id, scenario_id, episode_index, score, created_at)
       values (gen_random_uuid(), ?, ?, ?, ?, now()) on conflict do nothing`,
      [simulationId, score.scenarioId, score.episodeIndex, JSON.stringify(score)],
    );
  }

  async markRunning(simulationId: string): Promise<void> {
    await this.db.execute(`update simulations set status = 'RUNNING', started_at = now() where id = ? and status = 'QUEUED'`, [simulationId]);
  }

  async cancelRequested(simulationId: string): Promise<boolean> {
    const rows = await sqlRows<{ c: Date | null }>(this.db, 'select cancel_requested_at as c from simulations where id = ?', [simulationId]);
    return Boolean(rows[0]?.c);
  }
}
