import { fakeModelProvider, type FakeScript } from './fixtures/fake-model-provider';
import { titleChat } from './title-chat';

const input = {
  userId: 'u1',
  partnerName: 'Sam',
  firstUserText: 'Hey! Do you want to go hiking this weekend, maybe Saturday?',
  firstReplyText: 'I would love that. Where should we go?',
};

const titled = (answer: NonNullable<FakeScript['chat']>) =>
  titleChat({ llm: fakeModelProvider({ chat: answer }) }, input);

describe('titleChat', () => {
  it.each([
    ['"Weekend Hiking Plans."\nHope that helps!', 'Weekend Hiking Plans'],
    ['Title: **Saturday hike with Sam**!', 'Saturday hike with Sam'],
    ['标题：周末去爬山。', '周末去爬山'],
    ['A very long title that goes on and on about hiking and weekends forever', 'A very long title that goes'],
  ])('When the model answers %p, Then the title is %p', async (answer, expected) => {
    expect(await titled(() => answer)).toBe(expected);
  });

  it('When output moderation replaced the model’s title, Then it is not used and the first words of the user message are the title', async () => {
    const asked: boolean[] = [];
    const title = await titled((request) => {
      asked.push(request.moderateOutput === true);
      return { text: 'Sorry, I can’t help with that.', safety: 'replaced' };
    });
    expect(asked).toEqual([true]);
    expect(title).toBe('Hey! Do you want to go');
  });

  it('When the model gives nothing usable, Then the first words of the user message are the title', async () => {
    expect(await titled(() => ' "" \n ')).toBe('Hey! Do you want to go');
  });

  it('When every model is down and a canned line came back, Then the canned line is not the title', async () => {
    expect(await titled(() => ({ text: 'Sorry, I need a moment.', degraded: true, model: 'canned' }))).toBe('Hey! Do you want to go');
  });

  it('When the first message is one long unspaced sentence, Then the fallback is cut to a short title', async () => {
    const title = await titleChat(
      { llm: fakeModelProvider({ chat: () => '' }) },
      { ...input, firstUserText: '我妹妹最近把名字改了，你还记得她以前叫什么吗？我们周末一起去爬山吧' },
    );
    expect(title).toBe('我妹妹最近把名字改了，你还记得她');
    expect(title.length).toBeLessThanOrEqual(60);
  });
});
