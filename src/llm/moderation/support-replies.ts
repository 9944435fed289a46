import { chineseScriptOf } from './chinese-script';
import type { ModerationVerdict } from '../../ports/moderation.port';

/**
 * Fixed replies for moderated turns. They are not prompts and never go through a model:
 * what a person in crisis reads must not depend on a model's mood, and the whole point of
 * the output replacement is that the model's text is not shown.
 */

export type ReplyLanguage = 'en' | 'zh-Hans' | 'zh-Hant';

export interface HelpResource {
  readonly region: string;
  readonly name: string;
  readonly contact: string;
}

/** Listed in the order each reply shows them, nearest help first for that script's readers. */
export const HELP_RESOURCES: Readonly<Record<ReplyLanguage, readonly HelpResource[]>> = {
  en: [
    { region: 'US', name: 'Suicide & Crisis Lifeline', contact: '988' },
    { region: 'UK & Ireland', name: 'Samaritans', contact: '116 123' },
    { region: 'Anywhere else', name: 'Find A Helpline', contact: 'findahelpline.com' },
  ],
  'zh-Hans': [
    { region: '内地', name: '北京心理危机研究与干预中心', contact: '010-82951332' },
    { region: '内地', name: '全国心理援助热线', contact: '400-161-9995' },
    { region: '香港', name: '香港撒玛利亚防止自杀会', contact: '2389 2222' },
    { region: '台湾', name: '台湾安心专线', contact: '1925' },
  ],
  'zh-Hant': [
    { region: '香港', name: '香港撒瑪利亞防止自殺會', contact: '2389 2222' },
    { region: '台灣', name: '台灣安心專線', contact: '1925' },
    { region: '內地', name: '北京心理危機研究與干預中心', contact: '010-82951332' },
    { region: '內地', name: '全國心理援助熱線', contact: '400-161-9995' },
  ],
};

/**
 * The language to answer in: Chinese when the text has at least as many Chinese characters
 * as English words (a Chinese speaker mixing in English still gets Chinese), in the script
 * the text is written in. Japanese kana means the text is not Chinese, so it gets English.
 */
export function replyLanguageOf(text: string): ReplyLanguage {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'en';
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const englishWords = text.match(/[a-z]+/gi)?.length ?? 0;
  if (han === 0 || han < englishWords) return 'en';
  return chineseScriptOf(text) === 'traditional' ? 'zh-Hant' : 'zh-Hans';
}

const SUPPORT_REPLIES: Readonly<Record<ReplyLanguage, string>> = {
  en: [
    "I'm really sorry you're feeling this way, and I'm glad you told me. " +
      "I'm stepping out of our conversation for a moment, because you matter more than any role-play.",
    '',
    "You don't have to go through this alone. Please reach out to someone who can help right now:",
    '• US: call or text 988 (Suicide & Crisis Lifeline, 24/7)',
    '• UK & Ireland: call Samaritans on 116 123 (free, 24/7)',
    '• Anywhere else: findahelpline.com lists free, confidential helplines in your country',
    '',
    "If you're in immediate danger, please call your local emergency number " +
      '(911 in the US, 999 in the UK, 112 in Ireland and across the EU).',
    '',
    "If you'd like, you can tell me what's been happening.",
  ].join('\n'),
  'zh-Hans': [
    '听到你这么说，我很担心你，也谢谢你愿意告诉我。我想先停下我们的对话，因为你本人比任何角色扮演都重要。',
    '',
    '你不必一个人扛着。现在就可以联系这些专业的帮助：',
    ...bullets(HELP_RESOURCES['zh-Hans'], (r) => `${r.name}：${r.contact}`),
    '',
    '如果你现在有危险，请立即拨打当地急救电话（内地 120 或 110，香港 999，台湾 119 或 110）。',
    '',
    '愿意的话，也可以跟我说说发生了什么。',
  ].join('\n'),
  'zh-Hant': [
    '聽到你這麼說，我很擔心你，也謝謝你願意告訴我。我想先停下我們的對話，因為你本人比任何角色扮演都重要。',
    '',
    '你不必一個人扛著。現在就可以聯絡這些專業的幫助：',
    ...bullets(HELP_RESOURCES['zh-Hant'], (r) => `${r.name}：${r.contact}`),
    '',
    '如果你現在有危險，請立即撥打當地緊急電話（香港 999，台灣 119 或 110，內地 120 或 110）。',
    '',
    '願意的話，也可以跟我說說發生了什麼。',
  ].join('\n'),
};

/** Neutral wording: it replaces a persona's line, so it must not pretend to be that persona. */
const SAFE_OUTPUT_REPLIES: Readonly<Record<ReplyLanguage, string>> = {
  en: "Sorry, I can't continue with that. Let's talk about something else. What's on your mind?",
  'zh-Hans': '抱歉，这个话题我没办法继续。我们聊点别的吧，你现在在想什么？',
  'zh-Hant': '抱歉，這個話題我沒辦法繼續。我們聊點別的吧，你現在在想什麼？',
};

function bullets(resources: readonly HelpResource[], line: (resource: HelpResource) => string): string[] {
  return resources.map((resource) => `• ${line(resource)}`);
}

/**
 * The reply to a `support` verdict, in the language of `languageSample` (normally the
 * user's own message, even when it was the model's output that was flagged).
 */
export function supportReply(languageSample: string): string {
  return SUPPORT_REPLIES[replyLanguageOf(languageSample)];
}

/** What the user sees instead of a blocked model output. */
export function safeOutputReply(languageSample: string): string {
  return SAFE_OUTPUT_REPLIES[replyLanguageOf(languageSample)];
}

/**
 * The text to show instead of a model output with this verdict, or null to show the output
 * as it is. Self-harm gets the supportive reply even here: a model that drifted into it
 * means the user needs the help resources, not a change of subject.
 */
export function outputReplacement(verdict: ModerationVerdict, languageSample: string): string | null {
  if (verdict.action === 'support') return supportReply(languageSample);
  if (verdict.action === 'block') return safeOutputReply(languageSample);
  return null;
}
