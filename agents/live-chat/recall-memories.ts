import { DomainError } from '../../src/kernel/errors';
import type { ModelProvider } from '../../src/ports/model-provider.port';
import type { MemoryStore, MemoryView, RecalledMemory } from '../../src/ports/memory-store.port';
import { LIMITS, oneLine, renderTurns, tag, type ChatTurn } from './configuration';
import { recallIntentPrompt } from './prompts';

export interface RecallDeps {
  llm: ModelProvider;
  memories: MemoryStore;
}

export interface RecallInput {
  userId: string;
  personaId: string;
  view: MemoryView;
  /** The message being answered. */
  latestText: string;
  /** Recent turns before it, chronological. */
  recentTurns: ChatTurn[];
  halfLifeDays: number;
  /** Default 6. */
  limit?: number;
}

export interface RecallResult {
  /** `no-memories`: nothing stored for the pair (no model call); `skip`: not needed for this message. */
  decision: 'no-memories' | 'skip' | 'recall';
  /** What was searched for, when recalled. */
  query?: string;
  recalled: RecalledMemory[];
}

const INTENT_SCHEMA = {
  type: 'object',
  properties: { recall: { type: 'boolean' }, query: { type: 'string', maxLength: 200 } },
  required: ['recall', 'query'],
  additionalProperties: false,
} as const;

/**
 * Messages that plainly ask about the past. The small offline model often misses these, so
 * they are recalled whatever the intent check says; a false positive costs one recall.
 */
const ASKS_ABOUT_THE_PAST = new RegExp(
  [
    String.raw`\b(?:remember|recall|remind me|forgot|forget)\b`,
    String.raw`\bwhat(?:'s|’s|s| is| was| were) my\b`,
    String.raw`\bdid i (?:ever )?(?:tell|mention|say)\b`,
    String.raw`\bi (?:told|mentioned|said) (?:to )?you\b`,
    String.raw`\bdo you know (?:my|what my|who my|where i|when i)\b`,
    String.raw`\blast time\b`,
    '还记得',
    '记不记得',
    '记得我',
    '我.{0,10}叫什么',
    '我(?:跟|和)你(?:说|讲)过',
    '上次',
  ].join('|'),
  'iu',
);

/** Whether a message plainly asks about something said or done before. */
export function asksAboutThePast(text: string): boolean {
  return ASKS_ABOUT_THE_PAST.test(text);
}

/**
 * Recalls what the agent of `view` remembers that the latest message needs. Nothing stored
 * for the pair: `no-memories`, without any model call (keeps reply latency down). Otherwise
 * a cheap intent check (fast tier) decides, and asks about the past always recall; a recall
 * embeds the query in one call and searches the pair's memories of that view.
 */
export async function recallMemories(deps: RecallDeps, input: RecallInput): Promise<RecallResult> {
  const scope = { userId: input.userId, personaId: input.personaId, view: input.view };
  const stored = await deps.memories.list({ ...scope, limit: 1 });
  if (stored.length === 0) return { decision: 'no-memories', recalled: [] };

  const agent = input.view === 'coach' ? 'analysis' : 'partner';
  const intent = await checkIntent(deps, input, agent);
  const wanted = intent.recall || asksAboutThePast(input.latestText);
  const query = intent.query || oneLine(input.latestText, LIMITS.queryChars);
  if (!wanted || !query) return { decision: 'skip', recalled: [] };

  const [vector] = await deps.llm.embed([query], tag(input.userId, agent, 'recall-memories', 'memory'));
  if (!vector) throw new Error('recall-memories: the query was not embedded');
  const recalled = await deps.memories.recall({ ...scope, text: query, vector, limit: input.limit ?? LIMITS.recallLimit, halfLifeDays: input.halfLifeDays });
  return { decision: 'recall', query, recalled };
}

/**
 * The intent check, tolerant of sloppy answers ("yes", "true"). When no model can answer it
 * is treated as "no": the past-question guard still recalls, and the reply is not held up.
 */
async function checkIntent(deps: RecallDeps, input: RecallInput, agent: string): Promise<{ recall: boolean; query: string }> {
  try {
    const { value } = await deps.llm.structured<Record<string, unknown>>({
      tier: 'fast',
      temperature: 0,
      maxTokens: 80,
      schema: INTENT_SCHEMA,
      schemaName: 'recall_intent',
      messages: [
        {
          role: 'user',
          content: recallIntentPrompt.render({
            turns: renderTurns(input.recentTurns.slice(-LIMITS.intentTurns), { user: 'User', partner: 'Partner' }) || '(none)',
            latest: oneLine(input.latestText, LIMITS.turnChars),
          }),
        },
      ],
      tag: tag(input.userId, agent, 'recall-intent', 'memory', recallIntentPrompt),
    });
    const recall = value?.recall;
    return {
      recall: recall === true || (typeof recall === 'string' && /^(?:true|yes)$/i.test(recall.trim())),
      query: typeof value?.query === 'string' ? oneLine(value.query, LIMITS.queryChars) : '',
    };
  } catch (err) {
    if (err instanceof DomainError && err.code === 'AI_SERVICE_UNAVAILABLE') return { recall: false, query: '' };
    throw err;
  }
}

/** The partner's (or coach's) prompt block of recalled memories; '' when there are none. */
export function memoryPromptSection(recalled: readonly RecalledMemory[]): string {
  const lines = [...new Set(recalled.map((r) => oneLine(r.memory.text, LIMITS.memoryChars)).filter(Boolean))];
  if (lines.length === 0) return '';
  return `Things you remember about them (use only if relevant):\n${lines.map((line) => `- ${line}`).join('\n')}`;
}
