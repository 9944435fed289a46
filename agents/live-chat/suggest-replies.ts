import { DomainError } from '../../src/domain/errors';
import type { ModelProvider } from '../../src/llm/model-provider.port';
import { LIMITS, oneLine, renderTurns, tag, unquote, type ChatTurn } from './configuration';
import { suggestRepliesPrompt } from './prompts';

export interface CoachInput {
  userId: string;
  userName: string;
  partnerName: string;
  /** Recent turns, chronological; the last is the partner's latest reply. */
  turns: ChatTurn[];
  /** What the coach remembers about how the user communicates (coach-view memories). */
  coachNotes: string[];
}

export interface CoachSuggestions {
  /** 2–3 distinct messages the user could send next. */
  replies: string[];
  /** One short sentence on what the partner's last message signals; may be ''. */
  tip: string;
}

const SUGGESTIONS_SCHEMA = {
  type: 'object',
  properties: {
    replies: { type: 'array', items: { type: 'string', maxLength: LIMITS.replyChars }, minItems: 2, maxItems: LIMITS.replies },
    tip: { type: 'string', maxLength: LIMITS.tipChars },
  },
  required: ['replies', 'tip'],
  additionalProperties: false,
} as const;

const MAX_COACH_NOTES = 5;

/**
 * The coach beside each reply (the analysis agent): two or three messages the user could
 * send next, and a tip on what the partner's last message signals. Throws
 * AI_SERVICE_UNAVAILABLE when fewer than two usable replies come back, for the caller to
 * report as a retryable error.
 */
export async function suggestReplies(deps: { llm: ModelProvider }, input: CoachInput): Promise<CoachSuggestions> {
  const userName = input.userName.trim() || 'the user';
  const partnerName = input.partnerName.trim() || 'the partner';
  const notes = input.coachNotes.map((n) => oneLine(n, LIMITS.memoryChars)).filter(Boolean).slice(0, MAX_COACH_NOTES);
  const { value } = await deps.llm.structured<Record<string, unknown>>({
    tier: 'fast',
    temperature: 0.7,
    maxTokens: 400,
    schema: SUGGESTIONS_SCHEMA,
    schemaName: 'coach_suggestions',
    messages: [
      {
        role: 'user',
        content: suggestRepliesPrompt.render({
          userName,
          partnerName,
          turns: renderTurns(input.turns.slice(-LIMITS.coachTurns), { user: userName, partner: partnerName }) || '(no messages yet)',
          coachNotes: notes.length > 0 ? notes.map((n) => `- ${n}`).join('\n') : '(nothing yet)',
        }),
      },
    ],
    tag: tag(input.userId, 'analysis', 'suggest-replies', 'live-chat', suggestRepliesPrompt),
  });
  const replies = cleanReplies(value?.replies);
  if (replies.length < 2) throw new DomainError('AI_SERVICE_UNAVAILABLE', 'The coach could not suggest replies', { retryable: true });
  return { replies, tip: typeof value?.tip === 'string' ? unquote(oneLine(value.tip, LIMITS.tipChars)) : '' };
}

/**
 * Replies as the user would send them: list markers and wrapping quotes removed, whitespace
 * collapsed, at most LIMITS.replyChars each, empties and repeats (ignoring case) dropped, at
 * most LIMITS.replies. A single string is read as one reply per line.
 */
export function cleanReplies(raw: unknown): string[] {
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split('\n') : [];
  const seen = new Set<string>();
  const replies: string[] = [];
  for (const item of items) {
    const text = typeof item === 'string' ? item : typeof (item as { text?: unknown })?.text === 'string' ? (item as { text: string }).text : '';
    const reply = oneLine(unquote(text.trim().replace(/^(?:[-*•]|\d{1,2}[.)])\s+/, '')), LIMITS.replyChars);
    const key = reply.toLowerCase();
    if (!reply || seen.has(key)) continue;
    seen.add(key);
    replies.push(reply);
    if (replies.length === LIMITS.replies) break;
  }
  return replies;
}
