/**
 * What `measureConversation` returns: every measure per speaker and per pair. Each measure
 * family lives in its own file; this file is the contract between them, the reports and the
 * GraphQL types.
 */
import type { Measure } from './conversation';

/** The nine function-word categories of LSM (Ireland & Pennebaker 2010), LIWC's names. */
export const FUNCTION_WORD_CATEGORIES = [
  'personalPronouns',
  'impersonalPronouns',
  'articles',
  'prepositions',
  'auxiliaryVerbs',
  'adverbs',
  'conjunctions',
  'negations',
  'quantifiers',
] as const;
export type FunctionWordCategory = (typeof FUNCTION_WORD_CATEGORIES)[number];

export interface LsmCategoryScore {
  category: FunctionWordCategory;
  /** 1 − |p1 − p2| / (p1 + p2 + 0.0001); null when neither side wrote a word. */
  score: number | null;
  /** Percent of each side's words in the category (side 0, side 1). */
  percent: [number, number];
}

export interface LsmWindow {
  /** Index range of the measured messages in the window (inclusive). */
  fromIndex: number;
  toIndex: number;
  firstMessageId: string;
  lastMessageId: string;
  /** Mean category score in the window; null when a side wrote no word there. */
  value: number | null;
}

export interface LanguageStyleMatching {
  /**
   * Mean of the nine category scores over the whole conversation, 0–1. `n` is the number of
   * messages, `messageIds` are empty (LSM rests on all of them; no single message moves it).
   */
  overall: Measure;
  categories: LsmCategoryScore[];
  /** Consecutive windows of `windowSize` messages (the last may be shorter). */
  windows: LsmWindow[];
}

export interface QuestionMeasures {
  /** Share of this speaker's messages that ask a question; cites the questions. */
  questionRate: Measure;
  /** Questions about what the other just said (Huang et al. 2017); count, cites them. */
  followUpQuestions: Measure;
  /** Share of this speaker's questions that the other answered in their next message; cites the answered questions. */
  questionsAnswered: Measure;
}

export interface BidMeasures {
  /** Bids for connection this speaker made (questions, disclosures, news, feelings); count, cites them. */
  bidsMade: Measure;
  /** This speaker's replies to the other's bids, by kind (Gottman); counts, cite the replies. */
  turnedToward: Measure;
  turnedAway: Measure;
  turnedAgainst: Measure;
  /** turnedToward / bids received; null when the other made no bid. */
  responsiveness: Measure;
}

export interface ReciprocityMeasures {
  messages: number;
  words: number;
  /** Share of the pair's messages / words written by this speaker, 0–1. */
  turnShare: Measure;
  wordShare: Measure;
  /** Times this speaker restarted the conversation after a gap; cites the restarting messages. */
  initiations: Measure;
  /** Median seconds this speaker took to reply to the other; null without timestamps. */
  medianReplySeconds: Measure;
}

export interface SentimentMeasures {
  /** Mean per-message sentiment, −1 … +1 (VADER compound for English; lexicon score for Chinese). */
  meanSentiment: Measure;
  /** Messages scoring ≥ 0.05 / ≤ −0.05; counts, cite them. */
  positiveMessages: Measure;
  negativeMessages: Measure;
}

export interface GottmanMarkers {
  /** Counts of messages showing each marker, citing them. */
  criticism: Measure;
  contempt: Measure;
  defensiveness: Measure;
  stonewalling: Measure;
  repairAttempts: Measure;
}

export interface WarmthMarkers {
  /** Counts of messages showing each marker, citing them. */
  gratitude: Measure;
  apology: Measure;
  agreement: Measure;
  disagreement: Measure;
  laughter: Measure;
  selfDisclosure: Measure;
  affection: Measure;
  weTalk: Measure;
}

export interface SpeakerMeasures {
  speaker: string;
  questions: QuestionMeasures;
  bids: BidMeasures;
  reciprocity: ReciprocityMeasures;
  sentiment: SentimentMeasures;
  gottman: GottmanMarkers;
  warmth: WarmthMarkers;
}

export interface RapportComponent {
  key: string;
  /** The component's value scaled to 0–1 (null: not measurable here, left out and the weights renormalised). */
  value: number | null;
  weight: number;
}

export interface PairMeasures {
  lsm: LanguageStyleMatching;
  /** Positive to negative interactions (Gottman's 5:1); null when there was no negative one. Cites the negative ones. */
  positiveToNegativeRatio: Measure;
  /** Counts behind the ratio. */
  positiveInteractions: Measure;
  negativeInteractions: Measure;
  /** Slower side's median reply time / faster side's; null without timestamps on both sides. */
  replyTimeAsymmetry: Measure;
  /** Share of bids (both sides) turned toward; null when nobody made a bid. */
  responsiveness: Measure;
  /** Composite rapport index 0–100 with documented, fixed (not fitted) weights. */
  rapport: { value: number | null; components: RapportComponent[] };
}

export interface ConversationMeasures {
  /** Side 0 first. */
  speakers: [string, string];
  /** Messages measured (both sides). */
  messages: number;
  /** Lines left out (a third speaker, narrator, empty). */
  ignored: number;
  /** Messages with Han characters / Latin letters. */
  languages: { chinese: number; english: number; mixed: number };
  perSpeaker: [SpeakerMeasures, SpeakerMeasures];
  pair: PairMeasures;
}
