import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType('MonthlyUsage', { description: "The account's model tokens this calendar month (UTC) against its tier's allowance." })
export class MonthlyUsageType {
  @Field({ description: 'The month, YYYY-MM (UTC).' })
  month!: string;

  // Float: a PROFESSIONAL allowance (20 million) fits Int, but used counts are summed bigints.
  @Field(() => Float, { description: "The tier's allowance of tokens for the month." })
  monthlyTokens!: number;

  @Field(() => Float, { description: 'Tokens spent this month (prompt plus completion).' })
  tokensUsed!: number;

  @Field(() => Float, { description: 'Tokens held by model calls still running; spent or released when they finish.' })
  tokensReserved!: number;

  @Field(() => Float, { description: 'Tokens left this month: the allowance minus used and reserved (never below zero).' })
  tokensLeft!: number;
}
