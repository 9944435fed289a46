import type { SimulationDeps } from '../configuration';
import type { Turn } from '../state';

/**
 * Stores a line in the transcript store and returns it with its message id. The dedupe key
 * (`${turn}:${speaker}` or `${turn}:event:${i}`) makes a repeated append add nothing: if an
 * earlier attempt stored this key (a turn replayed after a crash, before its checkpoint was
 * written), that row — and its text — wins, so the transcript never holds a turn twice.
 */
export async function persistLine(deps: SimulationDeps, episodeId: string, turn: Omit<Turn, 'id'>, key: string): Promise<Turn> {
  await deps.transcripts.append([
    {
      ownerId: deps.run.ownerId,
      conversationId: episodeId,
      kind: 'SIMULATION',
      batchId: deps.run.id,
      dedupeKey: key,
      sender: turn.name,
      role: turn.speaker === 'self' ? 'user' : turn.speaker === 'partner' ? 'persona' : 'system',
      text: turn.text,
      sentAt: new Date(),
      metadata: { simulationId: deps.run.id, turn: turn.turn, speaker: turn.speaker },
    },
  ]);
  // append reports counts, not ids: read the row back for its id (and the text that won).
  const row = await deps.transcripts.findByDedupeKey(episodeId, key);
  if (!row) throw new Error(`transcript: line ${JSON.stringify(key)} of episode ${episodeId} missing right after its append`);
  return { ...turn, id: row.id, text: row.text };
}
