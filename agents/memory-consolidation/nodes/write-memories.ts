import type { Memory, NewMemory } from '../../../src/ports/memory-store.port';
import { tag, type ConsolidationDeps } from '../configuration';
import type { ConsolidationStateType, ConsolidationUpdate } from '../state';

type Draft = Omit<NewMemory, 'vector'>;

/**
 * Stores the current window's extraction and advances the window counter. The partner view
 * gets the summary, every fact (keyed, so a changed fact supersedes the old one in the
 * store) and every event; the coach view gets the summary and the coach note. All texts are
 * embedded in one call; memories are added one after another so that two facts of one key
 * supersede in order.
 */
export async function writeMemories(deps: ConsolidationDeps, state: ConsolidationStateType): Promise<ConsolidationUpdate> {
  const next = { windowIndex: state.windowIndex + 1, extraction: null };
  const x = state.extraction;
  if (!x) return next;
  const scope = { userId: state.userId, personaId: state.personaId };
  const drafts: Draft[] = [];
  if (x.summary) drafts.push({ ...scope, view: 'partner', kind: 'SUMMARY', ...x.summary });
  for (const fact of x.facts) drafts.push({ ...scope, view: 'partner', kind: 'FACT', ...fact });
  for (const event of x.events) drafts.push({ ...scope, view: 'partner', kind: 'EVENT', ...event });
  if (x.summary) drafts.push({ ...scope, view: 'coach', kind: 'SUMMARY', ...x.summary });
  if (x.coachNote) drafts.push({ ...scope, view: 'coach', kind: 'SUMMARY', ...x.coachNote });
  if (drafts.length === 0) return next;

  const texts = [...new Set(drafts.map((d) => d.text))];
  const vectors = await deps.llm.embed(texts, tag(state.userId, 'write-memories'));
  if (vectors.length !== texts.length) throw new Error(`memory-consolidation: ${texts.length} texts embedded into ${vectors.length} vectors`);
  const vectorOf = new Map(texts.map((text, i) => [text, vectors[i]!]));

  const written: Memory[] = [];
  for (const draft of drafts) written.push(await deps.memories.add({ ...draft, vector: vectorOf.get(draft.text)! }));
  return { ...next, written };
}
