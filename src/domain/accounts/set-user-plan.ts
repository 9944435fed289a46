import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError, ValidationError } from '../errors';
import { Role, Tier } from '../tiers';
import { User } from './user.entity';

/**
 * An admin changes a user's tier and/or role. Limits are read from the tier on every request
 * and every quota check, so the change applies at once, to running sessions too. An admin
 * cannot take away their own admin role (someone must be left to undo mistakes).
 */
export async function setUserPlan(
  em: EntityManager,
  adminId: string,
  userId: string,
  change: { tier?: Tier | null; role?: Role | null },
): Promise<User> {
  if (!change.tier && !change.role) throw new ValidationError('input', 'input: give a tier, a role or both');
  const user = await em.findOne(User, { id: userId });
  if (!user) throw new NotFoundError('USER_NOT_FOUND', 'No such user');
  if (user.id === adminId && change.role && change.role !== Role.ADMIN) {
    throw new ValidationError('input.role', 'input.role: admins cannot remove their own admin role');
  }
  if (change.tier) user.tier = change.tier;
  if (change.role) user.role = change.role;
  await em.flush();
  return user;
}
