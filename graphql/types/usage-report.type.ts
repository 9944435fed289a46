import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('UsageBucket', { description: 'Calls, tokens and cost for one group (a day, a model or an agent).' })
export class UsageBucketType {
  @Field({ description: 'The day (YYYY-MM-DD, UTC), model or agent.' })
  key!: string;

  @Field(() => Int, { description: 'Model calls.' })
  calls!: number;

  @Field(() => Int, { description: 'Prompt (input) tokens.' })
  promptTokens!: number;

  @Field(() => Int, { description: 'Completion (output) tokens.' })
  completionTokens!: number;

  @Field(() => Float, { description: 'USD, from the configured price table.' })
  costUsd!: number;

  @Field(() => Int, { description: 'Calls answered from the response cache instead of the model.' })
  cacheHits!: number;
}

@ObjectType('UsageReport', { description: 'Model usage and cost over a period, totalled and grouped three ways.' })
export class UsageReportType {
  @Field(() => ID, { description: 'Whose usage.' })
  userId!: string;

  @Field({ description: 'Start of the period (inclusive).' })
  from!: Date;

  @Field({ description: 'End of the period (exclusive).' })
  to!: Date;

  @Field(() => UsageBucketType, { description: 'The whole period.' })
  total!: UsageBucketType;

  @Field(() => [UsageBucketType], { description: 'One bucket per UTC day with usage, oldest first.' })
  byDay!: UsageBucketType[];

  @Field(() => [UsageBucketType], { description: 'One bucket per model.' })
  byModel!: UsageBucketType[];

  @Field(() => [UsageBucketType], { description: 'One bucket per agent (live-chat, partner-simulation, user-proxy, analysis, memory…).' })
  byAgent!: UsageBucketType[];
}

@InputType({ description: 'Defaults to the last 30 days; at most 366 days.' })
export class UsageRangeInput {
  @Field({ description: 'Start (inclusive); default 30 days before `to`.', nullable: true })
  from?: Date;

  @Field({ description: 'End (exclusive); default now.', nullable: true })
  to?: Date;
}
