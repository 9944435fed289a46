import { z } from 'zod';
import { ValidationError } from '../errors';
import { validateInput } from '../validate-input';
import { consumeAccountToken, issueAccountToken, TOKEN_TTL_MS } from './account-tokens';
import { linkOrCode, type SelfServiceDeps } from './self-service-deps';
import { User } from './user.entity';

const verifyInput = z.object({ token: z.string().min(1, 'is required').max(200, 'is too long') });

/** Emails the signed-in user a link (24 hours) proving they read their address. Returns false when it is verified already. */
export async function requestEmailVerification(deps: SelfServiceDeps, userId: string): Promise<boolean> {
  const user = await deps.em.findOneOrFail(User, { id: userId });
  if (user.emailVerifiedAt) return false;
  const token = await issueAccountToken(deps, user.id, 'EMAIL_VERIFICATION', TOKEN_TTL_MS.EMAIL_VERIFICATION);
  await deps.email.send({
    to: user.email,
    subject: 'Confirm your email address for SoulLink',
    text: `Open this within 24 hours to confirm that this address is yours:\n\n${linkOrCode(deps, '/verify-email', token)}\n`,
  });
  return true;
}

/** Marks the token's account verified. The token works once. */
export async function verifyEmail(deps: Pick<SelfServiceDeps, 'em' | 'accountTokens' | 'clock'>, input: unknown): Promise<User> {
  const { token } = validateInput(verifyInput, input);
  return deps.em.transactional(async (em) => {
    const userId = await consumeAccountToken(deps, token, 'EMAIL_VERIFICATION');
    if (!userId) throw new ValidationError('input.token', 'input.token: the link is invalid, expired or already used; ask for a new one');
    const user = await em.findOneOrFail(User, { id: userId });
    user.emailVerifiedAt ??= deps.clock.now();
    await em.flush();
    return user;
  });
}
