import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { User } from '../../src/domain/accounts/user.entity';
import { Role, Tier, limitsFor } from '../../src/domain/tiers';
import { TierLimitsType } from './tier-limits.type';

registerEnumType(Tier, { name: 'Tier', description: 'Subscription tier.' });
registerEnumType(Role, { name: 'Role', description: 'What the account may do beyond its own data.' });

@ObjectType('User', { description: 'A SoulLink account.' })
export class UserType {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field(() => Tier)
  tier!: Tier;

  @Field(() => Role)
  role!: Role;

  @Field(() => TierLimitsType)
  limits!: TierLimitsType;

  @Field({ description: 'Whether the user proved they read their email address (a verification or password-reset link).' })
  emailVerified!: boolean;

  @Field()
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
