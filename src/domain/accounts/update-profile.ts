import type { EntityManager } from '@mikro-orm/postgresql';
import { validateInput } from '../validate-input';
import { updateProfileInput } from './account-input';
import { User } from './user.entity';

/** Edits what the user may change about themselves: for now, the display name. */
export async function updateProfile(em: EntityManager, userId: string, input: unknown): Promise<User> {
  const { displayName } = validateInput(updateProfileInput, input);
  const user = await em.findOneOrFail(User, { id: userId });
  user.displayName = displayName;
  await em.flush();
  return user;
}
