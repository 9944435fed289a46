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
  attempt = 1,
): Promise<AuthResult> {
  const { idToken } = validateInput(idTokenInput, input);
  const identity = await deps.idTokens.verify(provider, idToken);
  try {
    return await deps.em.transactional(async (em) => {
      const linked = await em.findOne(UserIdentity, { provider, subject: identity.subject }, { populate: ['user'] });
      let user = linked?.user.getEntity();
      if (!user) {
        const existing = identity.email ? await em.findOne(User, { email: identity.email }) : null;
        if (existing && identity.emailVerified) {
          user = existing;
        } else {
          // An unverified email must not take over, or block, the account that owns it.
          const email = identity.email && !existing ? identity.email : `${provider.toLowerCase()}-${identity.subject}@id.soullink.invalid`;
          user = em.create(User, { email, displayName: (identity.name ?? email.split('@')[0]!).slice(0, 80) });
        }
        em.create(UserIdentity, { user, provider, subject: identity.subject });
      }
      const result = await startSession(em, deps.accessTokens, user, deps.refreshTokenTtlDays, meta, deps.clock.now());
      await em.flush();
      return result;
    });
  } catch (err) {
    // Two first sign-ins racing for the same identity: the loser retries and finds the link.
    if (err instanceof UniqueConstraintViolationException && attempt === 1) {
      return signInWithIdToken(deps, provider, input, meta, attempt + 1);
    }
    throw err;
  }
}
