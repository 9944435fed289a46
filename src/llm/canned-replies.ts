import { replyLanguageOf } from './moderation/support-replies';
import type { ChatMessage } from '../ports/model-provider.port';

type Language = ReturnType<typeof replyLanguageOf>;

/**
 * In-character stand-ins: what a person might text when they need a moment. Several per
 * language, so two in a row (a model down for a while, or a simulation turn whose drafts all
 * leaked) need not repeat word for word.
 */
const CANNED: Record<Language, readonly string[]> = {
  en: [
    'Sorry, give me a moment — I lost my train of thought. Can we pick this up in a little while?',
    'Hmm, let me think about that for a second.',
    'Sorry, I got distracted for a moment. Say that again?',
    'Okay… I need a minute to think about this.',
  ],
  'zh-Hans': ['抱歉，我刚刚走神了一下，稍等一会儿我们再接着聊好吗？', '嗯…让我想一想。', '不好意思，刚才分心了，你再说一遍？', '好…给我一分钟想想。'],
  'zh-Hant': ['抱歉，我剛剛走神了一下，稍等一會兒我們再接著聊好嗎？', '嗯…讓我想一想。', '不好意思，剛才分心了，你再說一遍？', '好…給我一分鐘想想。'],
};

/**
 * The short reply used when every model is down (or every draft was unusable), in the
 * language of the conversation. Without `variant` it is the first line; a variant (a turn's
 * seed, say) picks among the others reproducibly.
 */
export function cannedReply(messages: ChatMessage[], variant?: number): string {
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  const lines = CANNED[replyLanguageOf(lastUser?.content ?? '')];
  return lines[variant === undefined ? 0 : Math.abs(Math.trunc(variant)) % lines.length]!;
}

const ALL_CANNED = new Set(Object.values(CANNED).flat());

/** Whether `text` is one of the stand-ins (a transcript line that no model wrote). */
export function isCannedReply(text: string): boolean {
  return ALL_CANNED.has(text.trim());
}
