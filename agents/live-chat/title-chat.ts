import type { ModelProvider } from '../../src/ports/model-provider.port';
import { LIMITS, oneLine, tag, unquote } from './configuration';
import { titleChatPrompt } from './prompts';

export interface TitleInput {
  userId: string;
  partnerName: string;
  firstUserText: string;
  firstReplyText: string;
}

// Leading labels ("Title:", "标题：") and trailing punctuation a model adds around a title.
const LABEL = /^(?:chat\s+)?(?:title|标题|題名|タイトル)\s*[:：]\s*/iu;
const TRAILING_PUNCTUATION = /[\s.,;:!?…。，、；：！？~\-–—]+$/u;
const MARKDOWN = /^[#>*\-\s]+|\*\*|__|`/g;
const STRAY_QUOTES = /^["'“‘「『《]+|["'”’」』》]+$/gu;
// Scripts written without spaces: a "word" count means nothing, so titles are cut by characters.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const UNSPACED_FALLBACK_CHARS = 16;

/**
 * A 2–6 word title for a new chat, in the conversation's language, from its first exchange
 * (fast tier). When the model gives nothing usable (or every model is down and a canned
 * line came back), the first words of the user's first message are the title.
 */
export async function titleChat(deps: { llm: ModelProvider }, input: TitleInput): Promise<string> {
  const completion = await deps.llm.chat({
    tier: 'fast',
    temperature: 0.3,
    maxTokens: 24,
    // A flagged title is replaced, and a replaced (safety) answer is never used: the fallback stands.
    moderateOutput: true,
    messages: [
      {
        role: 'user',
        content: titleChatPrompt.render({
          partnerName: input.partnerName.trim() || 'the partner',
          userText: oneLine(input.firstUserText, LIMITS.turnChars),
          replyText: oneLine(input.firstReplyText, LIMITS.turnChars),
        }),
      },
    ],
    tag: tag(input.userId, 'analysis', 'title-chat', 'live-chat', titleChatPrompt),
  });
  const usable = !completion.degraded && !completion.safety;
  return (usable && cleanTitle(completion.text)) || fallbackTitle(input.firstUserText) || oneLine(`Chat with ${input.partnerName}`, LIMITS.titleChars);
}

/**
 * The model's title on one line: its first non-empty line, labels, markdown, wrapping quotes
 * and trailing punctuation removed, at most LIMITS.titleWords words and LIMITS.titleChars
 * characters. '' when nothing is left.
 */
export function cleanTitle(raw: string): string {
  const line = raw.split(/\r?\n/).map((l) => l.trim()).find(Boolean) ?? '';
  const bare = line.replace(MARKDOWN, '').replace(LABEL, '').replace(TRAILING_PUNCTUATION, '');
  return shorten(unquote(bare).replace(STRAY_QUOTES, ''), LIMITS.titleWords);
}

/** The first words of the user's first message (characters for unspaced scripts). */
export function fallbackTitle(firstUserText: string): string {
  const text = oneLine(firstUserText, 1000);
  const first = text.split(' ')[0] ?? '';
  if (UNSPACED.test(first) && Array.from(first).length > UNSPACED_FALLBACK_CHARS) return shorten(Array.from(first).slice(0, UNSPACED_FALLBACK_CHARS).join(''), 1);
  return shorten(unquote(text), LIMITS.titleWords);
}

function shorten(text: string, maxWords: number): string {
  let words = oneLine(text, 1000).split(' ').filter(Boolean).slice(0, maxWords);
  // Drop whole words until it fits; a single over-long word is cut.
  while (words.length > 1 && words.join(' ').length > LIMITS.titleChars) words = words.slice(0, -1);
  const title = words.join(' ').slice(0, LIMITS.titleChars);
  return title.replace(TRAILING_PUNCTUATION, '').trim();
}
