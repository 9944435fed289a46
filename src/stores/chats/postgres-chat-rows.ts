import type { ChatRowReader, ChatRows, ReplyContextRows, TableRow } from '../../ports/chat-store.port';
import { sqlRows } from '../postgres/sql-executor';
import type { ChatDb } from './chat-db';

/**
 * A chat's rows with what it refers to, each read in one statement on node-postgres. Each
 * table's row comes back whole as one JSON column (`row_to_json`: column names as keys,
 * timestamps as ISO strings, json columns as they are), the shape `em.map` hydrates from.
 */
export class PostgresChatRows implements ChatRowReader {
  constructor(private readonly db: ChatDb) {}

  async withPersona(sessionId: string): Promise<ChatRows | undefined> {
    const [row] = await sqlRows<{ session: TableRow; persona: TableRow }>(
      this.db,
      `select row_to_json(s) as session, row_to_json(p) as persona
       from chat_sessions s join personas p on p.id = s.persona_id
       where s.id = ?`,
      [sessionId],
    );
    return row ? { session: row.session, persona: row.persona } : undefined;
  }

  async forReply(sessionId: string): Promise<ReplyContextRows | undefined> {
    // The profile and the SELF persona as findOne read them before: the latest COMPLETED
    // version's summary; the owner's SELF persona (createPersona allows one).
    const [row] = await sqlRows<{ session: TableRow; persona: TableRow; owner: TableRow; profile_summary: unknown; self_persona: TableRow | null }>(
      this.db,
      `select row_to_json(s) as session, row_to_json(p) as persona, row_to_json(u) as owner,
         (select pp.profile -> 'summary' from persona_profiles pp
           where pp.persona_id = s.persona_id and pp.status = 'COMPLETED' order by pp.version desc limit 1) as profile_summary,
         (select row_to_json(sp) from personas sp where sp.owner_id = s.owner_id and sp.kind = 'SELF' limit 1) as self_persona
       from chat_sessions s join personas p on p.id = s.persona_id join users u on u.id = s.owner_id
       where s.id = ?`,
      [sessionId],
    );
    if (!row) return undefined;
    return { session: row.session, persona: row.persona, owner: row.owner, profileSummary: row.profile_summary ?? null, selfPersona: row.self_persona };
  }
}
