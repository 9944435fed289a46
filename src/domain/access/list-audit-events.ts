import type { EntityManager } from '@mikro-orm/postgresql';
import { ValidationError } from '../errors';
import { AuditEvent } from './audit-event.entity';

/** Audit events, newest first: those about one owner's data, or (admins) everyone's. */
export function listAuditEvents(em: EntityManager, filter: { ownerId?: string; actorId?: string }, limit: number): Promise<AuditEvent[]> {
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new ValidationError('limit', 'limit must be 1–500');
  const where = { ...(filter.ownerId ? { ownerId: filter.ownerId } : {}), ...(filter.actorId ? { actorId: filter.actorId } : {}) };
  return em.find(AuditEvent, where, { orderBy: { at: 'desc' }, limit });
}
