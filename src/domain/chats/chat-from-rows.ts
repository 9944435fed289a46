import { wrap, type EntityManager } from '@mikro-orm/postgresql';
import type { ChatRows, TableRow } from '../../ports/chat-store.port';
import { User } from '../accounts/user.entity';
import { Persona } from '../personas/persona.entity';
import { ChatSession } from './chat-session.entity';

/**
 * Rows read in one statement (ChatRowReader) as managed entities of `em`: `em.map` runs
 * MikroORM's result mapper and hydrator (column names to properties, dates, references) and
 * registers each entity in the identity map, without building a query. The persona (and owner)
 * are mapped first, so the session's references point at loaded entities: `session.persona
 * .getEntity()` works as after `findOne(..., { populate: ['persona'] })`.
 */
export function chatFromRows(em: EntityManager, rows: ChatRows & { owner?: TableRow }): ChatSession {
  if (rows.owner) em.map(User, rows.owner);
  em.map(Persona, rows.persona);
  const session = em.map(ChatSession, rows.session);
  // The populate hint findOne records: serializing the session (toObject, toJSON) includes what was loaded with it, as before.
  wrap(session).setSerializationContext({ populate: rows.owner ? ['persona', 'owner'] : ['persona'] });
  return session;
}

/** A persona row (the owner's SELF persona) as a managed entity; null stays null. */
export function personaFromRow(em: EntityManager, row: TableRow | null): Persona | null {
  return row ? em.map(Persona, row) : null;
}
