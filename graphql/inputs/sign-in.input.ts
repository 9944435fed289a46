import { Field, InputType } from 'type-graphql';
import { IdentityProvider } from '../../src/domain/accounts/user-identity.entity';

@InputType({ description: 'An OIDC id token from Apple or Google.' })
export class SignInWithIdTokenInput {
  @Field(() => IdentityProvider, { description: 'Who issued the id token.' })
  provider!: IdentityProvider;

  @Field({ description: 'The OIDC id token (a JWT) from the provider’s sign-in SDK; an account is created or linked by its verified email.' })
  idToken!: string;
}

@InputType({ description: 'The refresh token to exchange for a new token pair.' })
export class RefreshSessionInput {
  @Field({ description: 'The refresh token from the latest AuthPayload of this session. Each works once: reusing one revokes the whole session.' })
  refreshToken!: string;
}
