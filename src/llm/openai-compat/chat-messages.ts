import type { CountableChatMessage } from '../tokens/token-counter';
import type { ChatCompletionRequest, ChatMessage, ChatMessageContent } from './chat-completion.request';

/** The text of a message's content, whether a string or an array of parts (non-text parts are skipped). */
export function contentText(content: ChatMessageContent | undefined): string {
  if (content == null) return '';
  if (typeof content === 'string') return content;
  return content.map((part) => (part.type === 'text' && typeof part.text === 'string' ? part.text : '')).join('');
}

/** The last user message's text, '' when there is none. */
export function lastUserText(messages: readonly ChatMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i].role === 'user') return contentText(messages[i].content);
  }
  return '';
}

/** All system (and developer) instructions, joined in order. */
export function systemText(messages: readonly ChatMessage[]): string {
  return messages
    .filter((m) => m.role === 'system' || m.role === 'developer')
    .map((m) => contentText(m.content))
    .join('\n');
}

/** The request's messages in the shape the token counter bills. */
export function countableMessages(messages: readonly ChatMessage[]): CountableChatMessage[] {
  return messages.map((m) => ({
    role: m.role,
    content: contentText(m.content),
    ...(m.name !== undefined ? { name: m.name } : {}),
  }));
}

/** The completion budget the client asked for (`max_completion_tokens` wins, as in OpenAI's API). */
export function requestedMaxTokens(request: ChatCompletionRequest): number | undefined {
  return request.max_completion_tokens ?? request.max_tokens ?? undefined;
}
