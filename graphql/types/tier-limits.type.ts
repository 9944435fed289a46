import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('TierLimits', { description: 'What the account tier allows.' })
export class TierLimitsType {
  @Field(() => Int, { nullable: true, description: 'PARTNER personas allowed; null means unlimited.' })
  partnerPersonas!: number | null;

  @Field(() => Int, { description: 'Model tokens per calendar month (UTC).' })
  monthlyTokens!: number;

  @Field(() => Int, { description: 'Simulations that may run at the same time.' })
  concurrentSimulations!: number;

  @Field(() => Int, { description: 'Episodes one simulation may run.' })
  episodesPerSimulation!: number;

  @Field(() => Int, { description: 'Minutes of voice (heard plus spoken) per calendar month (UTC); 0 means no voice (paid tiers have it).' })
  voiceMinutesPerMonth!: number;
}
