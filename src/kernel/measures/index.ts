/** The conversation measures kernel: pure functions over ordered two-party transcripts. */
export { measureConversation, measurePrepared, type MeasureOptions } from './measure-conversation';
export { measureByMonth, measureOverallAndByMonth, type PeriodMeasures, type PeriodOptions } from './measure-periods';
export { prepareConversation, type ConversationMessage, type Measure, type PreparedConversation, type PreparedMessage, type Side } from './conversation';
export * from './conversation-measures';
export { PAIR_MEASURES, SPEAKER_MEASURES, type CatalogEntry, type PairMeasureEntry, type SpeakerMeasureEntry } from './measure-catalog';
export { RAPPORT_WEIGHTS } from './rapport-index';
