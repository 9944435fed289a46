import { Field, ID, ObjectType } from 'type-graphql';
import type { AuthResult } from '../../src/domain/accounts/auth-result';
import { UserType } from './user.type';

@ObjectType('AuthPayload', { description: 'Tokens for a signed-in session. Store the refresh token securely.' })
export class AuthPayloadType {
  @Field(() => UserType)
  user!: UserType;

  @Field(() => ID)
  sessionId!: string;

  @Field({ description: 'Short-lived JWT for the Authorization header and websocket connectionParams.' })
  accessToken!: string;

  @Field()
  accessTokenExpiresAt!: Date;

  @Field({ description: 'Single-use token for refreshSession; reusing one revokes the session.' })
  refreshToken!: string;

  @Field()
  refreshTokenExpiresAt!: Date;

  static from(result: AuthResult): AuthPayloadType {
    return Object.assign(new AuthPayloadType(), { ...result, user: UserType.from(result.user) });
  }
}
