import type { ModelProvider } from '../../src/ports/model-provider.port';
import { keepAllowed } from '../../src/llm/moderation/keep-allowed';
import { replyLanguageOf } from '../../src/llm/moderation/support-replies';
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
 * What the user could send when the coach's answer is unusable (a small model's "} {", one
 * reply, empty strings): open, kind messages that fit after almost anything the partner
 * says, in the conversation's language.
 */
const CANNED_SUGGESTIONS: Record<ReturnType<typeof replyLanguageOf>, readonly string[]> = {
  en: ['Tell me more?', 'That means a lot — thank you for telling me.', 'How are you feeling about it?'],
  'zh-Hans': ['能多跟我说说吗？', '谢谢你告诉我，这对我很重要。', '你现在感觉怎么样？'],
  'zh-Hant': ['能多跟我說說嗎？', '謝謝你告訴我，這對我很重要。', '你現在感覺怎麼樣？'],
};

/**
 * The coach beside each reply (the analysis agent): two or three messages the user could
 * send next, and a tip on what the partner's last message signals. Always well-formed: each
 * reply is checked to be a message (not a JSON fragment such as "} {", not empty), and when
 * fewer than two survive, canned open replies in the conversation's language fill the list
 * (with no tip: a canned tip would pretend to read the message). A model outage still throws
 * AI_SERVICE_UNAVAILABLE, for the caller to report as a retryable error.
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
  // Suggestions are shown to the user as sendable lines: a flagged one is dropped, like a malformed one.
  const replies = await keepAllowed(deps.llm, cleanReplies(value?.replies), (r) => r);
  if (replies.length < 2) {
    const latest = [...input.turns].reverse().find((t) => t.speaker === 'partner')?.text ?? input.turns.at(-1)?.text ?? '';
    return { replies: withCanned(replies, CANNED_SUGGESTIONS[replyLanguageOf(latest)]), tip: '' };
  }
  const tip = typeof value?.tip === 'string' ? unquote(oneLine(value.tip, LIMITS.tipChars)) : '';
  const [allowedTip = ''] = isMessage(tip) ? await keepAllowed(deps.llm, [tip], (t) => t) : [];
  return { replies, tip: allowedTip };
}

/** The usable replies topped up with canned ones (no repeats) to LIMITS.replies. */
function withCanned(replies: string[], canned: readonly string[]): string[] {
  const seen = new Set(replies.map((r) => r.toLowerCase()));
  return [...replies, ...canned.filter((c) => !seen.has(c.toLowerCase()))].slice(0, LIMITS.replies);
}

/**
 * Whether a text reads as a message someone would send: it has a letter, digit or emoji,
 * and no JSON scaffolding (braces, a `"key":`), which a small model under a grammar leaves
 * inside strings when it loses its place.
 */
export function isMessage(text: string): boolean {
  if (!/[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(text)) return false;
  return !/[{}]|"\s*[\w-]+\s*"\s*:|^\s*[\[\],:]/u.test(text);
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
    if (!reply || !isMessage(reply) || seen.has(key)) continue;
    seen.add(key);
    replies.push(reply);
    if (replies.length === LIMITS.replies) break;
  }
  return replies;
}
