import { UnauthenticatedError } from '../errors';
import { validateInput } from '../validate-input';
import type { AccountDeps } from './account-deps';
import { changePasswordInput } from './account-input';
import { AuthSession, SessionRevocation } from './auth-session.entity';
import { hashPassword, verifyPassword } from './password-hasher';
import { revokeSession } from './revoke-session';
import { User } from './user.entity';

/**
 * Changes the signed-in user's password after checking the current one, then ends every
 * other session of the account (a stolen refresh token stops working); the caller's session
 * stays signed in. Returns how many sessions ended. Accounts created through Apple or Google
 * have no password to change.
 */
export async function changePassword(deps: AccountDeps, principal: { userId: string; sessionId: string }, input: unknown): Promise<number> {
  const { currentPassword, newPassword } = validateInput(changePasswordInput, input);
  const user = await deps.em.findOneOrFail(User, { id: principal.userId });
  if (!user.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new UnauthenticatedError('The current password is incorrect', { reason: 'INVALID_CREDENTIALS' });
  }
  user.passwordHash = await hashPassword(newPassword);
  await deps.em.flush();
  const others = await deps.em.find(AuthSession, { user: principal.userId, revokedAt: null, id: { $ne: principal.sessionId } }, { fields: ['id'] });
  for (const { id } of others) await revokeSession(deps, id, SessionRevocation.PASSWORD_CHANGED);
  return others.length;
}
