import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('UsageBucket', { description: 'Calls, tokens and cost for one group (a day, a model or an agent).' })
export class UsageBucketType {
  @Field({ description: 'The day (YYYY-MM-DD, UTC), model or agent.' })
  key!: string;

  @Field(() => Int)
  calls!: number;

  @Field(() => Int)
  promptTokens!: number;

  @Field(() => Int)
  completionTokens!: number;

  @Field(() => Float, { description: 'USD, from the configured price table.' })
  costUsd!: number;

  @Field(() => Int)
  cacheHits!: number;
}

@ObjectType('UsageReport')
export class UsageReportType {
  @Field(() => ID)
  userId!: string;

  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field(() => UsageBucketType)
  total!: UsageBucketType;

  @Field(() => [UsageBucketType])
  byDay!: UsageBucketType[];

  @Field(() => [UsageBucketType])
  byModel!: UsageBucketType[];

  @Field(() => [UsageBucketType])
  byAgent!: UsageBucketType[];
}

@InputType({ description: 'Defaults to the last 30 days; at most 366 days.' })
export class UsageRangeInput {
  @Field({ nullable: true })
  from?: Date;

  @Field({ nullable: true })
  to?: Date;
}
