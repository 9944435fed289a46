import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { DomainError } from '../errors';
import { validateInput } from '../validate-input';
import type { AccountDeps, SessionMeta } from './account-deps';
import { registerInput } from './account-input';
import type { AuthResult } from './auth-result';
import { hashPassword } from './password-hasher';
import { startSession } from './start-session';
import { User } from './user.entity';

/** Creates an account with email and password and signs it in. Bad input writes nothing. */
export async function registerAccount(deps: AccountDeps, input: unknown, meta: SessionMeta = {}): Promise<AuthResult> {
  const { email, password, displayName } = validateInput(registerInput, input);
  const passwordHash = await hashPassword(password);
  try {
    return await deps.em.transactional(async (em) => {
      const user = em.create(User, { email, displayName, passwordHash });
      const result = await startSession(em, deps.accessTokens, user, deps.refreshTokenTtlDays, meta, deps.clock.now());
      await em.flush();
      return result;
    });
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) {
      throw new DomainError('EMAIL_TAKEN', 'An account with this email already exists', { field: 'input.email' });
    }
    throw err;
  }
}
