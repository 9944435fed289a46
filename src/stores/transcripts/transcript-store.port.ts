/**
 * The transcript store port. Its one definition lives in `src/ports/transcript-store.port.ts`
 * (the domain and the agents import it from there); this module re-exports it so the
 * adapters and the contract suite in this folder sit next to the interface they implement.
 */
export type {
  ConversationKind,
  NewTranscriptMessage,
  TranscriptMessage,
  TranscriptRole,
  TranscriptStore,
} from '../../ports/transcript-store.port';
