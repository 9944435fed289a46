import type { EntityManager } from '@mikro-orm/postgresql';
import { findPage } from '../pagination/find-page';
import type { Page, PageRequest } from '../pagination/page';
import { AuditEvent } from './audit-event.entity';

/** Audit events, newest first: those about one owner's data, or (admins) everyone's; keyset pages on (at, id). */
export function listAuditEvents(em: EntityManager, filter: { ownerId?: string; actorId?: string }, page: PageRequest): Promise<Page<AuditEvent>> {
  const where = { ...(filter.ownerId ? { ownerId: filter.ownerId } : {}), ...(filter.actorId ? { actorId: filter.actorId } : {}) };
  return findPage(em, AuditEvent, where, { orderBy: { at: 'desc', id: 'desc' } }, page, { keys: ['date', 'uuid'] });
}
