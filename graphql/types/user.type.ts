import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { User } from '../../src/domain/accounts/user.entity';
import { Role, Tier, limitsFor } from '../../src/domain/tiers';
import { TierLimitsType } from './tier-limits.type';

/** A tier's limits in words, from the one table (src/domain/tiers.ts), so the schema cannot drift from it. */
function tierSummary(tier: Tier): string {
  const l = limitsFor(tier);
  const n = (x: number) => x.toLocaleString('en');
  const personas = l.partnerPersonas === null ? 'Unlimited PARTNER personas' : `${n(l.partnerPersonas)} PARTNER personas`;
  const voice = l.voiceMinutesPerMonth === 0 ? 'no voice' : `${n(l.voiceMinutesPerMonth)} voice minutes a month`;
  return `${personas}, ${n(l.monthlyTokens)} model tokens a month, ${n(l.concurrentSimulations)} ${l.concurrentSimulations === 1 ? 'simulation' : 'simulations'} at a time, ${voice}.`;
}

registerEnumType(Tier, {
  name: 'Tier',
  description: 'Subscription tier (User.limits has the numbers that apply).',
  valuesConfig: Object.fromEntries(Object.values(Tier).map((t) => [t, { description: tierSummary(t) }])),
});
registerEnumType(Role, {
  name: 'Role',
  description: 'What the account may do beyond its own data.',
  valuesConfig: {
    USER: { description: 'An ordinary account: its own data only.' },
    ANALYST: { description: 'Reads what users shared with it (audited), besides its own data.' },
    ADMIN: { description: 'Manages accounts and may read any user’s data (audited).' },
  },
});

@ObjectType('User', { description: 'A SoulLink account.' })
export class UserType {
  @Field(() => ID, { description: 'The account’s id.' })
  id!: string;

  @Field({ description: 'The email address it signs in with.' })
  email!: string;

  @Field({ description: 'The name shown in the app.' })
  displayName!: string;

  @Field(() => Tier, { description: 'The subscription tier.' })
  tier!: Tier;

  @Field(() => Role, { description: 'What it may do beyond its own data.' })
  role!: Role;

  @Field(() => TierLimitsType, { description: 'What the tier allows.' })
  limits!: TierLimitsType;

  @Field({ description: 'Whether the user proved they read their email address (a verification or password-reset link).' })
  emailVerified!: boolean;

  @Field({ description: 'When the account was created.' })
  createdAt!: Date;

  static from(user: User): UserType {
    return Object.assign(new UserType(), {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      tier: user.tier,
      role: user.role,
      limits: Object.assign(new TierLimitsType(), limitsFor(user.tier)),
      emailVerified: user.emailVerifiedAt !== null && user.emailVerifiedAt !== undefined,
      createdAt: user.createdAt,
    });
  }
}
