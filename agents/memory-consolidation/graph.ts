import { END, START, StateGraph } from '@langchain/langgraph';
import type { Memory } from '../../src/ports/memory-store.port';
import { DEFAULTS, type ConsolidationDeps, type ConsolidationInput, type ConsolidationMessage } from './configuration';
import { extractMemories } from './nodes/extract-memories';
import { writeMemories } from './nodes/write-memories';
import { ConsolidationState, type ConsolidationStateType } from './state';

export type { ConsolidationDeps, ConsolidationInput, ConsolidationMessage } from './configuration';

/** Extracts the next window while one is left; the window counter bounds the loop. */
export function routeToNextWindow(state: ConsolidationStateType): 'extract-memories' | typeof END {
  return state.windowIndex < state.windows.length ? 'extract-memories' : END;
}

/**
 * START → extract-memories → write-memories → (next window: extract-memories again) → END.
 * No checkpointer: a rerun writes summaries and events again, while facts supersede by key.
 */
export function createConsolidationGraph(deps: ConsolidationDeps) {
  return new StateGraph(ConsolidationState)
    .addNode('extract-memories', (state) => extractMemories(deps, state))
    .addNode('write-memories', (state) => writeMemories(deps, state))
    .addConditionalEdges(START, routeToNextWindow, ['extract-memories', END])
    .addEdge('extract-memories', 'write-memories')
    .addConditionalEdges('write-memories', routeToNextWindow, ['extract-memories', END])
    .compile();
}

/** Chronological windows of at most `size` messages. */
export function toWindows(messages: readonly ConsolidationMessage[], size: number): ConsolidationMessage[][] {
  const windows: ConsolidationMessage[][] = [];
  for (let i = 0; i < messages.length; i += size) windows.push(messages.slice(i, i + size));
  return windows;
}

/**
 * Turns a stretch of one live chat into long-term memories of the user: per window of at
 * most 60 messages, one extraction call and one embedding call, then the memories are added
 * (partner view: summary, facts, events; coach view: summary and coach note).
 */
export async function consolidateMemories(deps: ConsolidationDeps, input: ConsolidationInput): Promise<{ written: Memory[] }> {
  const size = Math.max(1, Math.min(DEFAULTS.windowSize, Math.floor(deps.windowSize ?? DEFAULTS.windowSize)));
  const windows = toWindows(
    input.messages.filter((m) => m.text.trim() !== ''),
    size,
  );
  if (windows.length === 0) return { written: [] };
  const result = await createConsolidationGraph(deps).invoke(
    { userId: input.userId, personaId: input.personaId, userName: input.userName, partnerName: input.partnerName, windows },
    // Two steps per window, plus the start.
    { recursionLimit: 2 * windows.length + 5 },
  );
  return { written: result.written };
}
