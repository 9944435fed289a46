import { DomainError } from '../../src/domain/errors';
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

  it("When asked, Then the coach sees the partner's latest reply and its notes on the user", async () => {
    const llm = coachAnswering({ replies: ['Thanks!', 'Want to celebrate?'], tip: 'Sam is proud of you.' });

    await suggestReplies({ llm }, input);

    const call = llm.calls[0]!;
    expect(call.tag).toMatchObject({ userId: 'u1', agent: 'analysis', node: 'suggest-replies' });
    expect(call.input).toContain("Sam: No way, that's amazing. I'm so proud of you.");
    expect(call.input).toContain('- The user rarely asks the partner questions back.');
  });

  it('When fewer than two distinct replies survive, Then it fails with AI_SERVICE_UNAVAILABLE', async () => {
    const llm = coachAnswering({ replies: ['OK', ' ok ', '   '], tip: 'Hm.' });

    const failure = await suggestReplies({ llm }, input).catch((err: unknown) => err);

    expect(failure).toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({ code: 'AI_SERVICE_UNAVAILABLE', message: 'The coach could not suggest replies' });
  });

  it('When the model returns no list at all, Then it fails the same way', async () => {
    await expect(suggestReplies({ llm: coachAnswering({ tip: 'x' }) }, input)).rejects.toMatchObject({ code: 'AI_SERVICE_UNAVAILABLE' });
  });
});
