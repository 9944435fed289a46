import { replyLanguageOf } from './moderation/support-replies';
import type { ChatMessage } from './model-provider.port';

const CANNED: Record<ReturnType<typeof replyLanguageOf>, string> = {
  en: "Sorry, give me a moment — I lost my train of thought. Can we pick this up in a little while?",
  'zh-Hans': '抱歉，我刚刚走神了一下，稍等一会儿我们再接着聊好吗？',
  'zh-Hant': '抱歉，我剛剛走神了一下，稍等一會兒我們再接著聊好嗎？',
};

/** The short reply used when every model is down, in the language of the conversation. */
export function cannedReply(messages: ChatMessage[]): string {
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  return CANNED[replyLanguageOf(lastUser?.content ?? '')];
}
