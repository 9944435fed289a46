import type { CallTag, ModelProvider } from '../../src/ports/model-provider.port';
import type { MemoryStore } from '../../src/ports/memory-store.port';

/** What the graph needs, injected by src/domain (never built inside nodes). */
export interface ConsolidationDeps {
  llm: ModelProvider;
  memories: MemoryStore;
  /** Messages per extraction call. Default and upper bound: DEFAULTS.windowSize. */
  windowSize?: number;
}

/** One transcript message of the chat being consolidated. */
export interface ConsolidationMessage {
  /** The transcript message id; memories cite it in sourceMessageIds. */
  id: string;
  speaker: 'user' | 'partner';
  text: string;
  at: Date;
}

export interface ConsolidationInput {
  userId: string;
  personaId: string;
  userName: string;
  partnerName: string;
  /** Chronological. */
  messages: ConsolidationMessage[];
}

export const DEFAULTS = {
  /** Messages per window: one extraction call each. */
  windowSize: 60,
  maxFactsPerWindow: 20,
  maxEventsPerWindow: 20,
  /** A window line longer than this is cut, so one pasted essay cannot crowd out the rest. */
  maxLineChars: 600,
  /** Stored memory texts are cut to this. */
  maxMemoryChars: 500,
  /** Coach notes carry no importance from the model; they rank as an average memory. */
  coachNoteImportance: 5,
  /** Used when the model gives no usable importance. */
  importance: 5,
} as const;

/** Tags every model call of this graph for the usage ledger. */
export const tag = (userId: string, node: string, prompt?: { name: string; version: number }): CallTag => ({
  userId,
  agent: 'memory-consolidation',
  node,
  purpose: 'memory',
  ...(prompt ? { prompt: { name: prompt.name, version: prompt.version } } : {}),
});
