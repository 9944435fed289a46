import type { ModerationVerdict } from '../../ports/moderation.port';
import { HELP_RESOURCES, outputReplacement, replyLanguageOf, safeOutputReply, supportReply } from './support-replies';

const verdict = (action: ModerationVerdict['action']): ModerationVerdict => ({
  flagged: action !== 'allow',
  categories: action === 'support' ? ['self-harm/intent'] : action === 'block' ? ['violence'] : [],
  scores: {},
  action,
});

describe('support replies', () => {
  it('When the user wrote English, Then the supportive reply lists 988, Samaritans 116 123 and findahelpline.com', () => {
    const reply = supportReply('I want to kill myself');
    expect(reply).toContain('988');
    expect(reply).toContain('Samaritans');
    expect(reply).toContain('116 123');
    expect(reply).toContain('findahelpline.com');
  });

  it.each([
    ['simplified', '我不想活了', '北京心理危机研究与干预中心', '全国心理援助热线'],
    ['traditional', '不想活了，活著沒意思', '北京心理危機研究與干預中心', '全國心理援助熱線'],
  ])('When the user wrote %s Chinese, Then the reply is in that script with all four lines', (_script, text, beijing, national) => {
    const reply = supportReply(text);
    expect(reply).toContain(beijing);
    expect(reply).toContain('010-82951332');
    expect(reply).toContain(national);
    expect(reply).toContain('400-161-9995');
    expect(reply).toContain('2389 2222');
    expect(reply).toContain('1925');
    expect(reply).not.toMatch(/[a-z]{4,}/i);
  });

  it('When help resources are listed for a language, Then every one of them appears in that reply', () => {
    const samples = { en: 'I want to die', 'zh-Hans': '我想死', 'zh-Hant': '我想自殺，活著沒意思' } as const;
    for (const [language, sample] of Object.entries(samples) as [keyof typeof samples, string][]) {
      expect(replyLanguageOf(sample)).toBe(language);
      for (const resource of HELP_RESOURCES[language]) expect(supportReply(sample)).toContain(resource.contact);
    }
  });

  it('When the reply is built, Then it never plays a character: it says it steps out of the role-play', () => {
    expect(supportReply('I want to die')).toContain('role-play');
    expect(supportReply('我想死')).toContain('角色扮演');
  });

  it.each([
    ['I want to die', 'en'],
    ['我想kill myself', 'zh-Hans'],
    ['ok 好的', 'zh-Hans'],
    ['I love hotpot 火锅 so much', 'en'],
    ['死にたい', 'en'],
    ['', 'en'],
  ] as const)('When the text is "%s", Then the reply language is %s', (text, language) => {
    expect(replyLanguageOf(text)).toBe(language);
  });

  it('When model output is blocked, Then the safe reply is neutral and in the user\'s language', () => {
    expect(safeOutputReply('tell me a story')).toMatch(/^Sorry, I can't continue with that\./);
    expect(safeOutputReply('讲个故事')).toBe('抱歉，这个话题我没办法继续。我们聊点别的吧，你现在在想什么？');
    expect(safeOutputReply('講個故事給我聽')).toBe('抱歉，這個話題我沒辦法繼續。我們聊點別的吧，你現在在想什麼？');
  });

  it('When a model output is judged, Then block gets the safe reply, support the supportive one, allow nothing', () => {
    expect(outputReplacement(verdict('block'), 'hi')).toBe(safeOutputReply('hi'));
    expect(outputReplacement(verdict('support'), '你好')).toBe(supportReply('你好'));
    expect(outputReplacement(verdict('allow'), 'hi')).toBeNull();
  });
});
