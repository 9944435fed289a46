import { UnauthenticatedError } from '../errors';
import { validateInput } from '../validate-input';
import type { AccountDeps, SessionMeta } from './account-deps';
import { loginInput } from './account-input';
import type { AuthResult } from './auth-result';
import { decoyPasswordHash, verifyPassword } from './password-hasher';
import { startSession } from './start-session';
import { User } from './user.entity';

/**
 * Email + password sign-in. Unknown email and wrong password give the same error and take
 * the same time (a decoy hash is checked), so the API does not reveal who has an account.
 */
export async function logIn(deps: AccountDeps, input: unknown, meta: SessionMeta = {}): Promise<AuthResult> {
  const { email, password } = validateInput(loginInput, input);
  const user = await deps.em.findOne(User, { email });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !user.passwordHash || !ok) {
    throw new UnauthenticatedError('Email or password is incorrect', { reason: 'INVALID_CREDENTIALS' });
  }
  return deps.em.transactional(async (em) => {
    const result = await startSession(em, deps.accessTokens, user, deps.refreshTokenTtlDays, meta, deps.clock.now());
    await em.flush();
    return result;
  });
}
