import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../accounts/user.entity';

/**
 * Whether the user's account is gone: its row deleted, or being deleted right now. An erasure
 * still in its final transaction holds the row; the shared lock waits for it to end, then
 * finds no row (committed) or the row (rolled back, the account stays). For work that failed
 * and must tell "the account was erased under me" from a fault.
 */
export async function isAccountErased(em: EntityManager, userId: string): Promise<boolean> {
  const row = await em.fork().transactional((tx) => tx.findOne(User, { id: userId }, { lockMode: LockMode.PESSIMISTIC_READ, fields: ['id'] }));
  return row === null;
}
