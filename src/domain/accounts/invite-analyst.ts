import { z } from 'zod';
import { DomainError } from '../errors';
import { Role } from '../tiers';
import { validateInput } from '../validate-input';
import { displayNameField, emailField } from './account-input';
import { issueAccountToken, TOKEN_TTL_MS } from './account-tokens';
import { linkOrCode, type SelfServiceDeps } from './self-service-deps';
import { User } from './user.entity';

const inviteInput = z.object({ email: emailField, displayName: displayNameField });

/**
 * An admin invites an analyst: the account is created with the ANALYST role and no password,
 * and the invitee gets a link (72 hours) to choose one — the password-reset flow, so the
 * same single-use, hashed, expiring token rules hold.
 */
export async function inviteAnalyst(deps: SelfServiceDeps, input: unknown): Promise<User> {
  const { email, displayName } = validateInput(inviteInput, input);
  if (await deps.em.findOne(User, { email })) throw new DomainError('EMAIL_TAKEN', 'An account with this email already exists', { field: 'input.email' });
  const user = deps.em.create(User, { email, displayName, role: Role.ANALYST });
  await deps.em.flush();
  const token = await issueAccountToken(deps, user.id, 'PASSWORD_RESET', TOKEN_TTL_MS.INVITATION);
  await deps.email.send({
    to: email,
    subject: "You're invited to SoulLink as an analyst",
    text: `An administrator invited you to SoulLink. Choose your password within 72 hours:\n\n${linkOrCode(deps, '/reset-password', token)}\n`,
  });
  return user;
}
