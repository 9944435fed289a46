/** What a run ends with besides its status (each left as it is when not given). */
export interface SimulationOutcome {
  report?: Record<string, unknown>;
  tokensUsed?: number;
  costUsd?: string;
  failureReason?: string;
}

/**
 * The run-time writes of a compatibility simulation (PostgreSQL): its numbered event log, its
 * status, its scored episodes. Each write is one statement, so a run's events are numbered
 * without gaps or collisions across worker processes and a run never ends without its
 * terminal event.
 */
export interface SimulationRunStore {
  /**
   * Logs an event under the run's next seq, only while the run is QUEUED or RUNNING; an event
   * with a `key` is logged once (a resumed step that emits again takes no seq). Returns the
   * seq, or undefined when nothing was logged (the run ended, or the keyed event exists).
   */
  appendEvent(simulationId: string, event: { type: string; payload: Record<string, unknown>; key: string | null; at: Date }): Promise<number | undefined>;
  /**
   * Ends a run still QUEUED or RUNNING: status, outcome and terminal event in one statement.
   * Returns the event's seq, or undefined when the run had already ended.
   */
  end(simulationId: string, ending: { status: string; outcome: SimulationOutcome; type: string; payload: Record<string, unknown>; at: Date }): Promise<number | undefined>;
  /** Stores an episode's score (the whole object, as JSON) once: a repeated score of the same episode is ignored. */
  recordEpisodeScore(simulationId: string, score: { scenarioId: string; episodeIndex: number }): Promise<void>;
  /** QUEUED → RUNNING; a run in any other state is left as it is. */
  markRunning(simulationId: string): Promise<void>;
  /** Whether the owner asked to cancel the run (read fresh, not from an entity). */
  cancelRequested(simulationId: string): Promise<boolean>;
}
