import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { DomainError } from '../errors';
import { Role } from '../tiers';
import { AccessGrant } from './access-grant.entity';
import { AuditOutcome } from './audit-event.entity';
import { recordAudit } from './record-audit';
import type { ResourceKind } from './resource-kind';

/** How to load one kind of owned object and tell whose it is. */
export interface OwnedKind<T extends object> {
  kind: ResourceKind;
  entity: EntityName<T>;
  ownerOf(row: T): string;
  populate?: string[];
  notFound(): DomainError;
}

const UUID = z.uuid();

/** The id test every owned lookup makes first: nothing else reaches PostgreSQL (a uuid column refuses it). */
export const isUuid = (value: string) => UUID.safeParse(value).success;

/**
 * The one place ownership is enforced. Every owner-only lookup (persona, chat, message,
 * simulation and its report) goes through here: another user's object, a deleted one and a
 * malformed id all answer the kind's NOT_FOUND alike, and each such attempt by a non-owner
 * is an audit event.
 */
export async function findOwned<T extends object>(em: EntityManager, spec: OwnedKind<T>, actorId: string, id: string): Promise<T> {
  const row = isUuid(id) ? await em.findOne(spec.entity, { id } as FilterQuery<T>, { populate: (spec.populate ?? []) as never }) : null;
  if (row && spec.ownerOf(row) === actorId) return row;
  await recordAudit(em, { actorId, ownerId: row ? spec.ownerOf(row) : null, kind: spec.kind, resourceId: id, action: 'write', outcome: AuditOutcome.DENIED });
  throw spec.notFound();
}

export interface Reader {
  id: string;
  role: Role;
}

/**
 * Read access for someone who may not own the object: its owner; an ANALYST the owner shared
 * it with (that object, or every object of its kind); an ADMIN. Every read by a non-owner is
 * audited, allowed or not.
 */
export async function findReadable<T extends object>(em: EntityManager, spec: OwnedKind<T>, reader: Reader, id: string): Promise<{ row: T; via: 'owner' | 'shared' | 'admin' }> {
  const row = isUuid(id) ? await em.findOne(spec.entity, { id } as FilterQuery<T>, { populate: (spec.populate ?? []) as never }) : null;
  const ownerId = row ? spec.ownerOf(row) : null;
  if (row && ownerId === reader.id) return { row, via: 'owner' };
  const audit = (outcome: AuditOutcome) => recordAudit(em, { actorId: reader.id, actorRole: reader.role, ownerId, kind: spec.kind, resourceId: id, action: 'read', outcome });
  if (row && reader.role === Role.ADMIN) {
    await audit(AuditOutcome.ADMIN);
    return { row, via: 'admin' };
  }
  if (row && reader.role === Role.ANALYST && (await isSharedWith(em, reader.id, ownerId!, spec.kind, id))) {
    await audit(AuditOutcome.SHARED);
    return { row, via: 'shared' };
  }
  await audit(AuditOutcome.DENIED);
  throw spec.notFound();
}

async function isSharedWith(em: EntityManager, granteeId: string, ownerId: string, kind: ResourceKind, resourceId: string): Promise<boolean> {
  const grant = await em.findOne(AccessGrant, { grantee: granteeId, owner: ownerId, kind, revokedAt: null, $or: [{ resourceId }, { resourceId: null }] }, { fields: ['id'] });
  return grant !== null;
}
