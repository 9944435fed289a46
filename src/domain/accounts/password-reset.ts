import { z } from 'zod';
import { ValidationError } from '../errors';
import { validateInput } from '../validate-input';
import { emailField, newPasswordField } from './account-input';
import { consumeAccountToken, issueAccountToken, TOKEN_TTL_MS } from './account-tokens';
import { AuthSession, SessionRevocation } from './auth-session.entity';
import { hashPassword } from './password-hasher';
import { revokeSession } from './revoke-session';
import { linkOrCode, type SelfServiceDeps } from './self-service-deps';
import { User } from './user.entity';

const requestInput = z.object({ email: emailField });
const resetInput = z.object({ token: z.string().min(1, 'is required').max(200, 'is too long'), newPassword: newPasswordField });

/**
 * Emails a password-reset link valid for 30 minutes. Answers the same whether or not the
 * address has an account, so it cannot be used to find out who does.
 */
export async function requestPasswordReset(deps: SelfServiceDeps, input: unknown): Promise<void> {
  const { email } = validateInput(requestInput, input);
  const user = await deps.em.findOne(User, { email });
  if (!user) return;
  const token = await issueAccountToken(deps, user.id, 'PASSWORD_RESET', TOKEN_TTL_MS.PASSWORD_RESET);
  await deps.email.send({
    to: user.email,
    subject: 'Reset your SoulLink password',
    text:
      `Someone asked to reset the password of your SoulLink account. If it was you, open this within 30 minutes:\n\n` +
      `${linkOrCode(deps, '/reset-password', token)}\n\nIf it was not you, ignore this email: your password stays as it is.\n`,
  });
}

/**
 * Sets a new password with a reset (or invitation) token. The token works once; every session
 * of the account ends (whoever had the old password is signed out), and the address counts as
 * verified, since the link was read there.
 */
export async function resetPassword(deps: SelfServiceDeps, input: unknown): Promise<void> {
  const { token, newPassword } = validateInput(resetInput, input);
  const passwordHash = await hashPassword(newPassword);
  const sessionIds = await deps.em.transactional(async (em) => {
    const userId = await consumeAccountToken(deps, token, 'PASSWORD_RESET');
    if (!userId) throw new ValidationError('input.token', 'input.token: the link is invalid, expired or already used; ask for a new one');
    const user = await em.findOneOrFail(User, { id: userId });
    user.passwordHash = passwordHash;
    user.emailVerifiedAt ??= deps.clock.now();
    await em.flush();
    return (await em.find(AuthSession, { user: userId, revokedAt: null }, { fields: ['id'] })).map((s) => s.id);
  });
  for (const id of sessionIds) await revokeSession(deps, id, SessionRevocation.PASSWORD_CHANGED);
}
