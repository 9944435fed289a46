import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditOutcome } from './audit-event.entity';
import type { ResourceKind } from './resource-kind';

export interface AuditEntry {
  actorId: string;
  /** The actor's role when known; looked up otherwise (only on these rare paths). */
  actorRole?: string;
  ownerId: string | null;
  kind: ResourceKind;
  resourceId: string | null;
  action: 'read' | 'write';
  outcome: AuditOutcome;
}

/**
 * Writes one audit event at once, outside the caller's unit of work: a denied request
 * throws right after, and its trail must stay.
 */
export async function recordAudit(em: EntityManager, entry: AuditEntry): Promise<void> {
  await em.getConnection().execute(
    `insert into audit_events (id, actor_id, actor_role, owner_id, kind, resource_id, action, outcome, at)
     values (?, ?, coalesce(?, (select role::text from users where id = ?), 'UNKNOWN'), ?, ?, ?, ?, ?, date_trunc('milliseconds', now()))`,
    [randomUUID(), entry.actorId, entry.actorRole ?? null, entry.actorId, entry.ownerId, entry.kind, entry.resourceId?.slice(0, 100) ?? null, entry.action, entry.outcome],
  );
}
