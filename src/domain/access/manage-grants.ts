import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Clock } from '../../ports/clock.port';
import { User } from '../accounts/user.entity';
import { findOwnChat } from '../chats/find-own-chat';
import { NotFoundError, ValidationError } from '../errors';
import { findOwnPersona } from '../personas/find-own-persona';
import { findPage } from '../pagination/find-page';
import type { Page, PageRequest } from '../pagination/page';
import { findOwnSimulation } from '../simulations/find-own-simulation';
import { Role } from '../tiers';
import { AccessGrant } from './access-grant.entity';
import { ResourceKind } from './resource-kind';

/** Kinds that are shared one object at a time (or all at once); memories and usage only all at once. */
const SINGLE_OBJECT: Partial<Record<ResourceKind, (em: EntityManager, ownerId: string, id: string) => Promise<unknown>>> = {
  [ResourceKind.PERSONA]: findOwnPersona,
  [ResourceKind.CHAT]: findOwnChat,
  [ResourceKind.SIMULATION]: findOwnSimulation,
};

/** Lets an analyst read one of the owner's objects, or every object of a kind (resourceId null). */
export async function grantAccess(em: EntityManager, owner: User, input: { analystEmail: string; kind: ResourceKind; resourceId?: string | null }): Promise<AccessGrant> {
  const email = input.analystEmail.trim().toLowerCase();
  const analyst = z.email().safeParse(email).success ? await em.findOne(User, { email, role: Role.ANALYST }) : null;
  if (!analyst) throw new ValidationError('analystEmail', 'No analyst has this email');
  if (input.resourceId) {
    const ownsIt = SINGLE_OBJECT[input.kind];
    if (!ownsIt) throw new ValidationError('resourceId', `${input.kind} is shared as a whole: leave resourceId out`);
    await ownsIt(em, owner.id, input.resourceId);
  }
  const grant = em.create(AccessGrant, { owner, grantee: analyst, kind: input.kind, resourceId: input.resourceId ?? null });
  await em.flush();
  return grant;
}

export async function revokeAccess(deps: { clock: Clock }, em: EntityManager, ownerId: string, grantId: string): Promise<AccessGrant> {
  const grant = z.uuid().safeParse(grantId).success ? await em.findOne(AccessGrant, { id: grantId, owner: ownerId }) : null;
  if (!grant) throw new NotFoundError('NOT_FOUND', 'Grant not found');
  grant.revokedAt ??= deps.clock.now();
  await em.flush();
  return grant;
}

/** Grants the user gave (as owner) or received (as analyst), newest first. */
export function listGrants(em: EntityManager, userId: string, side: 'given' | 'received', page: PageRequest): Promise<Page<AccessGrant>> {
  const where = side === 'given' ? { owner: userId } : { grantee: userId, revokedAt: null };
  return findPage(em, AccessGrant, where, { orderBy: { createdAt: 'desc', id: 'desc' }, populate: ['owner', 'grantee'] }, page, { keys: ['date', 'uuid'] });
}
