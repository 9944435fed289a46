import type { Logger } from '../../observability/logger';
import type { RecentTurn, ShortTermMemory } from '../../ports/short-term-memory.port';
import { SHORT_TERM_LIMIT } from '../../ports/short-term-memory.port';
import type { TranscriptStore } from '../../ports/transcript-store.port';
import { countTextTokens } from '../../llm/tokens/token-counter';
import type { ChatMessageStore } from '../../ports/chat-store.port';

export interface HistoryTurn {
  messageId: string;
  role: 'user' | 'partner';
  text: string;
  at: string;
}

/** Budgets are counted with one encoding: close enough for every current model. */
const BUDGET_MODEL = 'gpt-4o';
/** Rows considered before the token budget trims: a cap on work per reply. */
const MAX_ROWS = 60;
/** Turns whose token counts are remembered (about 100 bytes each). */
const COUNTED_TURNS = 20_000;

/**
 * Token counts of turns already counted, by message id. Counting is the costly part of loading
 * history (about 0.1 ms per 400 characters), and every reply counts the same recent turns
 * again; a message's text never changes once stored, so its count is kept (checked against
 * the text's length, in case). Least recently used first out.
 */
const turnTokens = new Map<string, { chars: number; tokens: number }>();

function tokensOfTurn(messageId: string, text: string): number {
  const known = turnTokens.get(messageId);
  if (known) turnTokens.delete(messageId);
  const tokens = known && known.chars === text.length ? known.tokens : countTextTokens(text, BUDGET_MODEL);
  turnTokens.set(messageId, { chars: text.length, tokens });
  if (turnTokens.size > COUNTED_TURNS) turnTokens.delete(turnTokens.keys().next().value!);
  return tokens;
}

/**
 * The conversation before position `beforeSeq`, newest turns kept first until the token
 * budget is spent, oldest first in the result. Postgres says which messages belong (this
 * session's current versions); their texts come from short-term memory (Redis) when it
 * holds them, else from the transcript store, which then refreshes short-term memory.
 * Short-term memory failing never fails the reply: it is logged and the transcript serves.
 */
export async function loadHistory(
  deps: { messages: ChatMessageStore; transcripts: TranscriptStore; shortTermMemory: ShortTermMemory; logger: Logger },
  scope: { sessionId: string; userId: string; personaId: string; beforeSeq: number; budgetTokens: number },
): Promise<{ turns: HistoryTurn[]; source: 'short-term-memory' | 'transcripts' | 'empty' }> {
  const rows = await deps.messages.spokenBefore(scope.sessionId, scope.beforeSeq, MAX_ROWS);
  if (rows.length === 0) return { turns: [], source: 'empty' };

  let cached: RecentTurn[] | undefined;
  try {
    cached = await deps.shortTermMemory.recent(scope.userId, scope.personaId, SHORT_TERM_LIMIT);
  } catch (err) {
    deps.logger.warn({ err: (err as Error).message, component: 'short-term-memory' }, 'short-term memory unavailable; reading history from the transcript store');
  }
  const texts = new Map((cached ?? []).map((t) => [t.messageId, t.text]));
  const missing = rows.filter((r) => !texts.has(r.id)).map((r) => r.id);
  if (missing.length > 0) {
    const stored = await deps.transcripts.findByDedupeKeys(scope.sessionId, missing);
    for (const m of stored) texts.set(m.dedupeKey, m.text);
  }

  const newestFirst: HistoryTurn[] = [];
  let spent = 0;
  for (const row of rows) {
    const text = texts.get(row.id);
    if (text === undefined) continue;
    spent += tokensOfTurn(row.id, text) + 4;
    if (spent > scope.budgetTokens && newestFirst.length > 0) break;
    newestFirst.push({
      messageId: row.id,
      role: row.role === 'USER' ? 'user' : 'partner',
      text,
      at: row.createdAt.toISOString(),
    });
  }
  const turns = newestFirst.reverse();
  if (missing.length > 0 && cached !== undefined) {
    // Short-term memory was reachable but stale (another session, a fork, a regenerated reply): rebuild it.
    await deps.shortTermMemory.replace(scope.userId, scope.personaId, turns).catch((err: Error) =>
      deps.logger.warn({ err: err.message, component: 'short-term-memory' }, 'could not rebuild short-term memory'),
    );
  }
  return { turns, source: missing.length === 0 ? 'short-term-memory' : 'transcripts' };
}

/** Adds a turn to short-term memory; an outage is logged, never fatal. */
export async function rememberTurn(deps: { shortTermMemory: ShortTermMemory; logger: Logger }, userId: string, personaId: string, turn: RecentTurn): Promise<void> {
  try {
    await deps.shortTermMemory.push(userId, personaId, turn);
  } catch (err) {
    deps.logger.warn({ err: (err as Error).message, component: 'short-term-memory' }, 'short-term memory unavailable; turn not cached');
  }
}
