import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { validateInput } from '../validate-input';
import type { AccountDeps, SessionMeta } from './account-deps';
import { idTokenInput } from './account-input';
import type { AuthResult } from './auth-result';
import { startSession } from './start-session';
import { UserIdentity, type IdentityProvider } from './user-identity.entity';
import { User } from './user.entity';

/**
 * Sign in with an OIDC id token (Apple, Google). A known identity signs in to its account;
 * a new one links to the account with the same email only when the provider says the email
 * is verified, else a new account is created.
 */
export async function signInWithIdToken(
  deps: AccountDeps,
  provider: IdentityProvider,
  input: unknown,
  meta: SessionMeta = {},
): Promise<AuthResult> {
  const { idToken } = validateInput(idTokenInput, input);
  const identity = await deps.idTokens.verify(provider, idToken);
  try {
    return await deps.em.transactional(async (em) => {
      const linked = await em.findOne(UserIdentity, { provider, subject: identity.subject }, { populate: ['user'] });
      let user = linked?.user.getEntity();
      if (!user) {
        const email = identity.email ?? `${provider.toLowerCase()}-${identity.subject}@id.soullink.invalid`;
        user = (identity.emailVerified && identity.email ? await em.findOne(User, { email }) : null) ?? undefined;
        user ??= em.create(User, { email, displayName: (identity.name ?? email.split('@')[0]!).slice(0, 80) });
        em.create(UserIdentity, { user, provider, subject: identity.subject });
      }
      const result = await startSession(em, deps.accessTokens, user, deps.refreshTokenTtlDays, meta);
      await em.flush();
      return result;
    });
  } catch (err) {
    // Two first sign-ins racing for the same identity: the loser retries and finds the link.
    if (err instanceof UniqueConstraintViolationException) return signInWithIdToken(deps, provider, input, meta);
    throw err;
  }
}
