import { Annotation } from '@langchain/langgraph';
import type { Memory } from '../../src/ports/memory-store.port';
import type { ConsolidationMessage } from './configuration';
import type { WindowExtraction } from './extraction.schema';

const replace = <T>(_: T, next: T) => next;

/** State of the memory-consolidation graph (one run per finished stretch of one chat). */
export const ConsolidationState = Annotation.Root({
  /** The user the memories are about (input). */
  userId: Annotation<string>({ reducer: replace, default: () => '' }),
  /** The persona whose chat this is: memories are kept per (user, persona) (input). */
  personaId: Annotation<string>({ reducer: replace, default: () => '' }),
  /** Display names, so the model can tell who is who in the transcript (input). */
  userName: Annotation<string>({ reducer: replace, default: () => '' }),
  partnerName: Annotation<string>({ reducer: replace, default: () => '' }),
  /** The chat in chronological windows of at most DEFAULTS.windowSize messages (input). */
  windows: Annotation<ConsolidationMessage[][]>({ reducer: replace, default: () => [] }),
  /** The window being consolidated: the loop counter, advanced by write-memories. */
  windowIndex: Annotation<number>({ reducer: replace, default: () => 0 }),
  /** The current window's cleaned extraction, from extract-memories to write-memories. */
  extraction: Annotation<WindowExtraction | null>({ reducer: replace, default: () => null }),
  /** Memories stored so far, every window and view, in write order. */
  written: Annotation<Memory[]>({ reducer: (all, more) => all.concat(more), default: () => [] }),
  /** Models that answered, for the record. */
  models: Annotation<string[]>({ reducer: (all, more) => [...new Set([...all, ...more])], default: () => [] }),
});

export type ConsolidationStateType = typeof ConsolidationState.State;
export type ConsolidationUpdate = typeof ConsolidationState.Update;
