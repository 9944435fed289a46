import { Annotation } from '@langchain/langgraph';
import type { Fidelity } from '../../src/kernel/personas/fidelity';
import type { Observation } from './profile.schema';

/** A message of the analysed conversation, with the short ref the model cites. */
export interface RefMessage {
  ref: string;
  id: string;
  sender: string;
  fromPersona: boolean;
  text: string;
  sentAt: Date;
}

/** A held-out exchange: what the other person said, and what the persona really replied. */
export interface HeldOutExchange {
  context: RefMessage[];
  prompt: RefMessage;
  reply: RefMessage;
}

const replace = <T>(_: T, next: T) => next;

/** State of the persona-analysis graph (one run per profile version). */
export const PersonaAnalysisState = Annotation.Root({
  /** The profile row being produced (input). */
  profileId: Annotation<string>({ reducer: replace, default: () => '' }),
  /** Messages used for analysis (held-out replies removed), with refs m1..mN. */
  messages: Annotation<RefMessage[]>({ reducer: replace, default: () => [] }),
  /** A fifth of the exchanges, kept away from analysis to measure fidelity honestly. */
  heldOut: Annotation<HeldOutExchange[]>({ reducer: replace, default: () => [] }),
  /** The description and messages rendered as text chunks for observation. */
  chunks: Annotation<string[]>({ reducer: replace, default: () => [] }),
  /** Next chunk to observe: the loop counter of extract-observations. */
  chunkIndex: Annotation<number>({ reducer: replace, default: () => 0 }),
  /** Observations from every chunk, accumulated. */
  observations: Annotation<Observation[]>({ reducer: (all, more) => all.concat(more), default: () => [] }),
  /** The aggregated profile (citations still as refs until check-citations maps them). */
  profile: Annotation<Record<string, unknown> | null>({ reducer: replace, default: () => null }),
  fidelity: Annotation<Fidelity | null>({ reducer: replace, default: () => null }),
  /** Models that answered, for the record. */
  models: Annotation<string[]>({ reducer: (all, more) => [...new Set([...all, ...more])], default: () => [] }),
});

export type PersonaAnalysisStateType = typeof PersonaAnalysisState.State;
export type PersonaAnalysisUpdate = typeof PersonaAnalysisState.Update;
