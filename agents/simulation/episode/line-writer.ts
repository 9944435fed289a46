import { randomUUID } from 'node:crypto';
import type { ScenarioInstance } from '../../../src/kernel/simulation/scenarios/instantiate-scenario';
import type { SimulationDeps } from '../configuration';
import { eventsAt } from '../scenario-generator/inject-events';
import { behindTheTurn } from './behind-the-turn';
import type { Turn } from '../state';

/** An event the run announces once, by key, after what was queued before it. */
interface Announcement {
  type: string;
  payload: Record<string, unknown>;
  key: string;
}

/** The transcript row of a line. */
function transcriptRow(deps: SimulationDeps, episodeId: string, line: Turn, key: string) {
  return {
    id: line.id,
    ownerId: deps.run.ownerId,
    conversationId: episodeId,
    kind: 'SIMULATION' as const,
    batchId: deps.run.id,
    dedupeKey: key,
    sender: line.name,
    role: line.speaker === 'self' ? ('user' as const) : line.speaker === 'partner' ? ('persona' as const) : ('system' as const),
    text: line.text,
    sentAt: new Date(),
    metadata: { simulationId: deps.run.id, turn: line.turn, speaker: line.speaker },
  };
}

const writers = new WeakMap<SimulationDeps, LineWriter>();

/**
 * The run's deps as the graph's nodes get them: every emit goes out behind the lines queued
 * before it, and `lineWriterOf` finds the writer. One per run (createSimulationGraph).
 */
export function withLineWriter(deps: SimulationDeps): { deps: SimulationDeps; lines: LineWriter } {
  const lines = new LineWriter(deps);
  const ordered: SimulationDeps = { ...deps, emit: (type, payload, key) => lines.emit(type, payload, key) };
  writers.set(ordered, lines);
  return { deps: ordered, lines };
}

/** The writer of a run's deps made by withLineWriter. */
export function lineWriterOf(deps: SimulationDeps): LineWriter {
  const lines = writers.get(deps);
  if (!lines) throw new Error('simulation: these deps have no line writer (build the graph with createSimulationGraph)');
  return lines;
}

/** An agent turn's dedupe key in its episode's transcript. */
export const turnKey = (line: Pick<Turn, 'turn' | 'speaker'>) => `${line.turn}:${line.speaker}`;

/** A line's dedupe key: an agent's turnKey, or `${turn}:event:${i}` for the turn's i-th narrator line. */
function lineKey(line: Turn, lines: readonly Turn[]): string {
  if (line.speaker !== 'narrator') return turnKey(line);
  const sameTurn = lines.filter((l) => l.speaker === 'narrator' && l.turn === line.turn);
  return `${line.turn}:event:${sameTurn.indexOf(line)}`;
}

/** The event that announces a line: TURN for an agent's, EVENT_INJECTED (with the event's kind) for the narrator's. */
function announcementOf(episodeId: string, scenario: ScenarioInstance, line: Turn, key: string): Announcement {
  if (line.speaker !== 'narrator') {
    return { type: 'TURN', payload: { episodeId, turn: line.turn, speaker: line.speaker, name: line.name, text: line.text, messageId: line.id }, key: `${episodeId}:${key}` };
  }
  const index = Number(key.split(':event:')[1]);
  const kind = eventsAt(scenario, line.turn)[index]?.kind ?? 'event';
  return { type: 'EVENT_INJECTED', payload: { episodeId, turn: line.turn, kind, text: line.text, messageId: line.id }, key: `${episodeId}:${key}` };
}

/**
 * Stores a run's transcript lines and sends its events, one at a time in the order they were
 * queued, behind the agents' turns: a turn hands its line over and the next agent's model
 * call starts while the line is written (as LangGraph writes the turn's checkpoint in the
 * background). Without it each turn waited ~3 SQL round trips (append, read-back, event)
 * outside the model call, 3× the bare graph's overhead.
 *
 * What this keeps:
 * - Order: a TURN event is sent after its line is stored, and every event after everything
 *   queued before it (EPISODE_SCORED after the episode's turns), so a client that reads the
 *   transcript on an event finds the line, and `seq` follows the story.
 * - No silent loss: the first failure is kept; every later write and the next turn throw it,
 *   so the run fails (and is retried) rather than continue with a hole in its transcript.
 * - Exactly once across a crash: a line carries its id (chosen here) into the turn's
 *   checkpoint, so a checkpoint may hold a line whose write was lost with the process. A
 *   resumed run stores such lines, and sends their events, before its first turn (`catchUp`);
 *   store and event log ignore keys they already hold.
 *
 * `flush` waits for everything queued: play-episode calls it before the episode counts as
 * played, so the report, built after the graph, reads every line.
 */
export class LineWriter {
  private tail: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;
  private readonly caughtUp = new Set<string>();

  constructor(private readonly deps: SimulationDeps) {}

  /** A fresh line id: the turn is cited by it before its row exists. */
  newId(): string {
    return randomUUID();
  }

  /** Throws the first failed write, if any (called before each turn's model call). */
  check(): void {
    if (this.failure) throw this.failure.error;
  }

  /**
   * Queues a new line of the episode (an agent's turn, or the narrator's event) with the event
   * that announces it, and returns at once. `lines` is the episode's transcript so far, with
   * this line last. A failure is not lost: it is kept and thrown by the next turn's `check`,
   * by every later write and by `flush`.
   */
  queueLine(episode: { episodeId: string; scenario: ScenarioInstance }, line: Turn, lines: readonly Turn[]): void {
    const key = lineKey(line, lines);
    this.enqueue(() => this.store(episode.episodeId, line, key, announcementOf(episode.episodeId, episode.scenario, line, key))).catch(() => undefined);
  }

  /** Sends an event after everything queued before it. */
  emit(type: string, payload: Record<string, unknown>, key?: string): Promise<void> {
    return this.enqueue(() => this.deps.emit(type, payload, key));
  }

  flush(): Promise<void> {
    return this.enqueue(async () => undefined);
  }

  /**
   * A resumed run, before an episode's first step in this process: stores the checkpointed
   * lines the transcript lacks (their writes were lost with the previous process) and sends
   * any of their events not yet sent (the event log ignores keys it holds).
   */
  catchUp(episode: { episodeId: string; scenario: ScenarioInstance | null; turns: readonly Turn[] }): Promise<void> {
    const { episodeId, scenario, turns } = episode;
    if (!this.deps.resumed || !scenario || this.caughtUp.has(episodeId)) return Promise.resolve();
    this.caughtUp.add(episodeId);
    if (turns.length === 0) return Promise.resolve();
    return this.enqueue(async () => {
      const keys = turns.map((line) => lineKey(line, turns));
      const stored = new Set((await this.deps.transcripts.findByDedupeKeys(episodeId, keys)).map((m) => m.dedupeKey));
      for (const [i, line] of turns.entries()) {
        const announcement = announcementOf(episodeId, scenario, line, keys[i]!);
        if (stored.has(keys[i]!)) await this.deps.emit(announcement.type, announcement.payload, announcement.key);
        else await this.store(episodeId, line, keys[i]!, announcement);
      }
    });
  }

  private async store(episodeId: string, line: Turn, key: string, announcement: Announcement): Promise<void> {
    const { inserted } = await this.deps.transcripts.append([transcriptRow(this.deps, episodeId, line, key)]);
    if (inserted === 0) {
      // The key was stored already. A turn only writes a key the store lacked (a resumed turn
      // reuses a stored line instead), so another row there means two writers of one run.
      const row = await this.deps.transcripts.findByDedupeKey(episodeId, key);
      if (row?.id !== line.id) throw new Error(`transcript: line ${JSON.stringify(key)} of episode ${episodeId} was stored by another writer`);
    }
    await this.deps.emit(announcement.type, announcement.payload, announcement.key);
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    // Each write waits until the turn that queued it has handed over: the next agent's model
    // request goes out first, and the write (encryption, SQL, the event) runs while it is answered.
    const run = this.tail.then(behindTheTurn).then(() => {
      this.check();
      return work();
    });
    this.tail = run.catch((error: unknown) => {
      this.failure ??= { error };
    });
    return run;
  }
}
