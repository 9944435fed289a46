/**
 * scoreChat's result as GraphQL object types (no JSONObject): the judge's verdict on a chat
 * beside the conversation measures of the same messages. Dimensions use the report's
 * CompatibilityDimension enum, whose values are the domain's keys, so the domain object
 * passes through as is.
 */
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { ChatScore } from '../../src/domain/chats/score-chat';
import { CompatibilityDimension } from './compatibility-report.type';
import { ConversationMeasuresType, conversationMeasuresType } from './conversation-measures.type';

@ObjectType('ChatDimensionScore', { description: 'The judge’s score on one dimension, with its reasoning and the messages it rests on.' })
export class ChatDimensionScoreType {
  @Field(() => CompatibilityDimension, { description: 'The dimension (the enum value’s description says what it means).' })
  dimension!: string;

  @Field(() => Float, { description: '0–10.' })
  score!: number;

  @Field({ description: 'The judge’s reasoning, one or two sentences (may be empty from a small offline model).' })
  reasoning!: string;

  @Field(() => [ID], { description: 'Chat message ids the judge cited; refs to messages that do not exist are dropped.' })
  citedMessageIds!: string[];
}

@ObjectType('HorsemenCounts', { description: 'Gottman’s four horsemen, as the judge counted them in the messages it scored (a chat, or a simulated episode).' })
export class HorsemenCountsType {
  @Field(() => Int, { description: 'Attacks on the partner’s character.' })
  criticism!: number;

  @Field(() => Int, { description: 'Insults, mockery, disdain.' })
  contempt!: number;

  @Field(() => Int, { description: 'Excuses and counter-blame.' })
  defensiveness!: number;

  @Field(() => Int, { description: 'Withdrawing from the conversation.' })
  stonewalling!: number;
}

@ObjectType('ChatCriticalMoment', { description: 'A message the judge said swung a score, quoted.' })
export class ChatCriticalMomentType {
  @Field(() => ID, { description: 'The chat message.' })
  messageId!: string;

  @Field({ description: 'Its text (up to 300 characters).' })
  quote!: string;

  @Field(() => CompatibilityDimension, { description: 'The dimension it moved.' })
  dimension!: string;

  @Field(() => Float, { description: '−10 … +10: how much it moved the dimension, by the judge’s account.' })
  impact!: number;

  @Field({ description: 'The judge’s note on why it mattered.' })
  note!: string;
}

@ObjectType('ChatScore', {
  description: 'A chat (or branch) scored on the simulation dimensions by the analysis model, beside the deterministic conversation measures of the same messages.',
})
export class ChatScoreType {
  @Field(() => ID, { description: 'The chat scored.' })
  sessionId!: string;

  @Field(() => Float, { nullable: true, description: 'Mean of the dimension scores, 0–10 (two decimals); null when the judge scored none.' })
  overall!: number | null;

  @Field(() => [ChatDimensionScoreType], { description: 'The dimensions the judge scored, in the order of CompatibilityDimension. One left out by the model is absent, never filled in.' })
  dimensions!: ChatDimensionScoreType[];

  @Field(() => HorsemenCountsType, { description: 'Gottman’s four horsemen as the judge counted them.' })
  horsemen!: HorsemenCountsType;

  @Field(() => Float, { nullable: true, description: 'Positive : negative interactions as the judge counted them (Gottman’s 5:1); null when it counted no negative one.' })
  positiveToNegativeRatio!: number | null;

  @Field(() => [ChatCriticalMomentType], { description: 'Messages the judge said swung a score.' })
  criticalMoments!: ChatCriticalMomentType[];

  @Field(() => Int, { description: 'Messages scored: the latest ones, up to 80.' })
  messagesScored!: number;

  @Field({ description: 'The model that judged.' })
  model!: string;

  @Field(() => ConversationMeasuresType, { description: 'Conversation measures of the same messages, no model; speakers = [you, the partner]. Cites chat message ids.' })
  measures!: ConversationMeasuresType;
}

/** The domain's ChatScore as the GraphQL type, checked by the compiler. */
export function chatScoreType(score: ChatScore): ChatScoreType {
  return { ...score, measures: conversationMeasuresType(score.measures) };
}
