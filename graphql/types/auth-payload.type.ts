import { Field, ID, ObjectType } from 'type-graphql';
import type { AuthResult } from '../../src/domain/accounts/auth-result';
import { UserType } from './user.type';

@ObjectType('AuthPayload', { description: 'Tokens for a signed-in session. Store the refresh token securely.' })
export class AuthPayloadType {
  @Field(() => UserType, { description: 'The signed-in account.' })
  user!: UserType;

  @Field(() => ID, { description: 'This device’s session; AccountEvent.sessionId refers to it.' })
  sessionId!: string;

  @Field({ description: 'Short-lived JWT for the Authorization header and websocket connectionParams.' })
  accessToken!: string;

  @Field({ description: 'When the access token stops working: call refreshSession shortly before (and reconnect the websocket with the new token).' })
  accessTokenExpiresAt!: Date;

  @Field({ description: 'Single-use token for refreshSession; reusing one revokes the session.' })
  refreshToken!: string;

  @Field({ description: 'When the refresh token stops working; after that, sign in again.' })
  refreshTokenExpiresAt!: Date;

  static from(result: AuthResult): AuthPayloadType {
    return Object.assign(new AuthPayloadType(), { ...result, user: UserType.from(result.user) });
  }
}
