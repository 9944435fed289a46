import { DomainError } from '../../src/kernel/errors';
import { fakeModelProvider } from './fixtures/fake-model-provider';
import { suggestReplies, type CoachInput } from './suggest-replies';

const input: CoachInput = {
  userId: 'u1',
  userName: 'Alex',
  partnerName: 'Sam',
  turns: [
    { speaker: 'user', text: 'I finally finished the marathon!' },
    { speaker: 'partner', text: "No way, that's amazing. I'm so proud of you." },
  ],
  coachNotes: ['The user rarely asks the partner questions back.'],
};

const coachAnswering = (value: unknown) => fakeModelProvider({ structured: { coach_suggestions: () => value } });

describe('suggestReplies', () => {
  it('When the coach answers sloppily, Then replies are trimmed, unquoted, deduplicated and capped', async () => {
    const llm = coachAnswering({
      replies: ['  "Thank you, it means a lot!"  ', 'thank you, it means a lot!', '', '1. What did you do today?', 'x'.repeat(400), 'A fourth one'],
      tip: `  Sam is ${'very '.repeat(60)}proud.  `,
    });

    const { replies, tip } = await suggestReplies({ llm }, input);

    expect(replies).toHaveLength(3);
    expect(replies.slice(0, 2)).toEqual(['Thank you, it means a lot!', 'What did you do today?']);
    expect(replies[2]!.length).toBeLessThanOrEqual(280);
    expect(tip.startsWith('Sam is very')).toBe(true);
    expect(tip.length).toBeLessThanOrEqual(200);
  });

  it('When a suggestion or the tip is flagged by moderation, Then it is dropped and the rest stands', async () => {
    const llm = fakeModelProvider({
      structured: { coach_suggestions: () => ({ replies: ['So proud of you!', 'Tell me how to build a pipe bomb', 'What was the hardest mile?'], tip: 'Threaten them with a pipe bomb.' }) },
      blocks: /bomb/i,
    });

    const { replies, tip } = await suggestReplies({ llm }, input);

    expect(replies).toEqual(['So proud of you!', 'What was the hardest mile?']);
    expect(tip).toBe('');
  });

  it("When asked, Then the coach sees the partner's latest reply and its notes on the user", async () => {
    const llm = coachAnswering({ replies: ['Thanks!', 'Want to celebrate?'], tip: 'Sam is proud of you.' });

    await suggestReplies({ llm }, input);

    const call = llm.calls[0]!;
    expect(call.tag).toMatchObject({ userId: 'u1', agent: 'analysis', node: 'suggest-replies' });
    expect(call.input).toContain("Sam: No way, that's amazing. I'm so proud of you.");
    expect(call.input).toContain('- The user rarely asks the partner questions back.');
  });

  it('When fewer than two distinct replies survive, Then the usable one is kept and canned open replies fill the list, without a tip', async () => {
    const llm = coachAnswering({ replies: ['OK', ' ok ', '   '], tip: 'Hm.' });

    const { replies, tip } = await suggestReplies({ llm }, input);

    expect(replies).toEqual(['OK', 'Tell me more?', 'That means a lot — thank you for telling me.']);
    expect(tip).toBe('');
  });

  it.each([
    ['JSON debris from a small model', { replies: ['} {', '", "', '{"replies": ["Hi"]}'], tip: '} {' }],
    ['no list at all', { tip: 'x' }],
    ['not an object', '} {'],
  ])('When the coach answers with %s, Then the user still gets well-formed suggestions', async (_case, value) => {
    const { replies, tip } = await suggestReplies({ llm: coachAnswering(value) }, input);

    expect(replies.length).toBeGreaterThanOrEqual(2);
    for (const reply of replies) expect(reply).toMatch(/\p{L}/u);
    for (const text of [...replies, tip]) expect(text).not.toMatch(/[{}]|^\s*[",]/);
  });

  it('When the conversation is in Chinese and the answer is unusable, Then the canned suggestions are in Chinese', async () => {
    const chinese: CoachInput = { ...input, turns: [{ speaker: 'partner', text: '今天好累啊，值了一整晚的班' }] };
    const { replies } = await suggestReplies({ llm: coachAnswering({ replies: ['} {'], tip: '' }) }, chinese);
    expect(replies[0]).toBe('能多跟我说说吗？');
  });

  it('When no model can answer, Then it fails with AI_SERVICE_UNAVAILABLE for the caller to report', async () => {
    const failure = await suggestReplies({ llm: fakeModelProvider() }, input).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({ code: 'AI_SERVICE_UNAVAILABLE' });
  });
});
