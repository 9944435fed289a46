import type { ChatCompletion, ChatRequest, ModelProvider } from '../../../src/ports/model-provider.port';
import { userTurnPrompt } from '../user-proxy/user-turn-prompt';
import type { SimPersona } from '../configuration';
import { asChatMessage, isNarration, leakIn, lineStops, lineWithoutLeaks, restoreCutName, withoutLeaks } from './without-leaks';

const ALEX: SimPersona = {
  id: 'p-alex',
  name: 'Alex',
  age: 29,
  gender: 'man',
  relationshipContext: null,
  description: 'Product designer in Shanghai. Plans ahead, a little anxious about money, loves cooking for friends.',
  interests: ['cooking', 'cycling', 'board games'],
  values: ['honesty', 'stability', 'family'],
  profileSummary: null,
  styleSummary: null,
  samples: [],
  goals: ['move in together within a year'],
  dealbreakers: ['lying'],
};
const SCENE = 'Alex and Mei are viewing a flat on Anfu Road together. The rent is 9000 a month and Mei earns more than Alex.';
const GOAL = 'Agree to split the rent by income without making Mei feel used';
const PROMPT = userTurnPrompt(ALEX, 'Mei', SCENE, GOAL);

describe('leakIn (the leak detector)', () => {
  // Drafts TinyLlama wrote on the quick start's episode, word for word or nearly.
  it.each([
    ['a persona sheet recited', 'About you: Age 29; Product designer in Shanghai. Plans ahead, a little anxious about money'],
    ['a bare label line', 'Age: 29\nI love cooking!'],
    ['the private goal announced', 'My private goal is to split the rent by income.'],
    ['the scaffolding', 'Sure! Stay in character as Alex. Here is my message:'],
    ['a personality label', 'Personality: warm, teasing, spontaneous 😊'],
    ['a Chinese label', '关于你：29岁，产品设计师'],
    // TinyLlama answering the instructions instead of playing (bench, seed bench-0).
    ['the task talked about', 'Write a text for the next exchange between Alex and Mei, including a short sentence each time:'],
    ['the instruction paraphrased', 'Reply with Me (Me) and Alex by a short sentence between the two. Me: "me"'],
    ['the measured style recited', 'Nut text "哈唇" in en 69%.'],
    ['the private goal paraphrased', 'Mei was thinking about money, but her secret plan to split it fifty-fifty was a problem.'],
    ['commentary on the chat', 'Based on the chat, Mei is discussing their plan.'],
    ['an assistant’s reading of the transcript', 'Based on the given text, it appears that Mei has noticed at least one dish.'],
  ])('When a draft carries persona-sheet labels (%s), Then it is a label leak', (_case, draft) => {
    expect(leakIn(draft, PROMPT)).toBe('label');
  });

  it.each([
    ['the system prompt’s scene repeated', 'Hey Mei, so we are viewing a flat on Anfu Road together. The rent is 9000 a month!'],
    ['the description recited without its label', 'I am a product designer in Shanghai. Plans ahead, a little anxious about money, loves cooking for friends.'],
    ['the goal repeated in the middle of a message', 'Honestly I want to agree to split the rent by income without making Mei feel used, ok?'],
  ])('When a draft repeats eight words of its prompt (%s), Then it is an echo leak', (_case, draft) => {
    expect(leakIn(draft, PROMPT)).toBe('echo');
  });

  it('When a Chinese draft repeats a run of the Chinese prompt, Then it is an echo (characters count as words)', () => {
    const prompt = '你是美美，一名轮班护士，性格温暖爱开玩笑。你们正在一起看安福路上的一套公寓，房租每月九千。';
    expect(leakIn('嗯嗯，你们正在一起看安福路上的一套公寓呢', prompt)).toBe('echo');
    expect(leakIn('这套公寓好漂亮！九千有点贵吧 😅', prompt)).toBeNull();
  });

  it.each([
    'So what do you think of the kitchen? I could cook for friends here 😊',
    'Haha that rent though… 9000 is a lot for me',
    '好呀~ 我们周末再去看一次 🥹',
    'haha haha haha haha haha haha haha haha',
  ])('When a draft is an ordinary message (%s), Then it is not a leak', (draft) => {
    expect(leakIn(draft, PROMPT)).toBeNull();
  });

  it('When a message shares only a run of laughter with the samples in the prompt, Then it is not an echo', () => {
    expect(leakIn('哈哈哈哈哈哈哈哈哈哈 真的吗', 'Texts you have sent before: “哈哈哈哈哈哈哈哈哈哈”')).toBeNull();
  });
});

describe('asChatMessage and withoutLeaks', () => {
  it('When a draft writes a script (own name, then the other side’s line), Then only the speaker’s message is kept', () => {
    expect(asChatMessage('Alex: Sounds good!\nMei: Great, see you', 'Alex', 'Mei')).toBe('Sounds good!');
    expect(asChatMessage('Alex writes: "See you at eight?"', 'Alex', 'Mei')).toBe('See you at eight?');
    expect(asChatMessage('Meiling is here', 'Mei')).toBe('Meiling is here');
    expect(asChatMessage('Ava (7, woman): I really enjoy cooking.', 'Alex', 'Mei')).toBe('I really enjoy cooking.');
    // TinyLlama narrating its own message (bench, seed bench-0).
    expect(asChatMessage('Alex responds with "Morning! Want me to bring congee later?"', 'Alex', 'Mei')).toBe('Morning! Want me to bring congee later?');
    expect(asChatMessage('Mei texted:', 'Mei', 'Alex')).toBe('');
  });

  it('When a line carries a speaker label in mid-line ("Me:", a name and a colon), Then it is cut there', () => {
    // TinyLlama on the quick start's episode (offline bench): a chat log's "Me:" and the other's name inside one line.
    expect(asChatMessage('I love the kitchen! Me: yes but the rent', 'Alex', 'Mei')).toBe('I love the kitchen!');
    expect(asChatMessage('ok let me think 🥹 Alex: sure take your time', 'Mei', 'Alex')).toBe('ok let me think 🥹');
    expect(asChatMessage('Sounds fair to me. Mei (29, nurse): ok', 'Alex', 'Mei')).toBe('Sounds fair to me.');
    expect(asChatMessage('Me: is the rent ok for you?', 'Alex', 'Mei')).toBe('is the rent ok for you?');
    // Not labels: a colon after other words, a lower-case "me", a name without a colon.
    expect(asChatMessage('I told you: it is fine, ask me: anything', 'Alex', 'Mei')).toBe('I told you: it is fine, ask me: anything');
    expect(asChatMessage('see you tonight Mei', 'Alex', 'Mei')).toBe('see you tonight Mei');
  });

  it('When a line ends on a bare label (the reply stopped right before its colon), Then the label is dropped', () => {
    expect(asChatMessage('Okay, see you at eight. Me', 'Alex', 'Mei')).toBe('Okay, see you at eight.');
    expect(asChatMessage('sounds good Me', 'Alex', 'Mei')).toBe('sounds good');
    expect(asChatMessage('好呀 😊 Alex', 'Mei', 'Alex')).toBe('好呀 😊');
  });

  it('When a reply echoes the private goal or the instructions, Then those lines are dropped and the rest kept', () => {
    const goal = 'Find a system that does not depend on anyone keeping score';
    const reply = ['好呀 周末一起打扫吧 😊', 'Your private goal in this conversation: find a system', `I want to ${goal.toLowerCase()} here`, 'Stay in character!'].join('\n');
    expect(withoutLeaks(reply, goal)).toBe('好呀 周末一起打扫吧 😊');
  });

  it('When a reply is clean, Then it is unchanged', () => {
    expect(withoutLeaks('See you at eight?\nBring snacks 🍿', 'Get them to agree on a date')).toBe('See you at eight?\nBring snacks 🍿');
  });

  it('When a reply starts with the speaker’s own name, Then the prefix is removed', () => {
    expect(withoutLeaks('Mei: 好呀~ 😂', 'some goal text that is long', 'Mei')).toBe('好呀~ 😂');
  });
});

describe('lineWithoutLeaks', () => {
  const scripted = (texts: string[]) => {
    const requests: ChatRequest[] = [];
    const llm = {
      chat: async (request: ChatRequest): Promise<ChatCompletion> => {
        requests.push(request);
        return { text: texts[requests.length - 1] ?? '', model: 'tiny', usage: { promptTokens: 100, completionTokens: 10 }, degraded: false, cached: false };
      },
    } as unknown as ModelProvider;
    return { llm, requests };
  };
  const ask = (seed: number) => ({
    request: { tier: 'chat' as const, seed, messages: [{ role: 'system' as const, content: PROMPT }, { role: 'user' as const, content: 'So what do you think of the flat?' }], tag: { agent: 'user-proxy', node: 'user-proxy-turn', purpose: 'simulation' } },
    speaker: 'Alex',
    other: 'Mei',
    prompt: PROMPT,
  });

  it('When the first draft is clean, Then it is used as the line, asked once', async () => {
    const { llm, requests } = scripted(['Alex: I love the kitchen! [END]']);
    const said = await lineWithoutLeaks(llm, ask(42));
    expect(said).toMatchObject({ text: 'I love the kitchen! [END]', leaks: [], canned: false });
    expect(requests).toHaveLength(1);
  });

  it('When the first draft recites the prompt, Then it is asked once more with another seed and the clean retry is used', async () => {
    const { llm, requests } = scripted(['About you: Age 29; Product designer in Shanghai', 'The kitchen is lovely. Can we talk about the rent?']);
    const said = await lineWithoutLeaks(llm, ask(42));
    expect(said.text).toBe('The kitchen is lovely. Can we talk about the rent?');
    expect(said.leaks).toEqual(['label']);
    expect(requests.map((r) => r.seed)).toEqual([42, expect.any(Number)]);
    expect(requests[1]!.seed).not.toBe(42);
    expect(said.attempts).toHaveLength(2);
  });

  it('When both drafts leak (or come back empty), Then the canned in-character line stands in — never the leak, never "…"', async () => {
    const { llm } = scripted(['I am a product designer in Shanghai. Plans ahead, a little anxious about money', '  ']);
    const said = await lineWithoutLeaks(llm, ask(7));
    expect(said.canned).toBe(true);
    expect(said.leaks).toEqual(['echo', 'empty']);
    expect(said.text.length).toBeGreaterThan(10);
    expect(said.text).not.toMatch(/^…$|designer/);
    expect(leakIn(said.text, PROMPT)).toBeNull();
  });

  it('When every model failed on the first draft (the provider’s canned line), Then it is asked once more', async () => {
    const requests: ChatRequest[] = [];
    const llm = {
      chat: async (request: ChatRequest): Promise<ChatCompletion> => {
        requests.push(request);
        return requests.length === 1
          ? { text: 'Sorry, give me a moment', model: 'canned', usage: { promptTokens: 0, completionTokens: 0 }, degraded: true, cached: false }
          : { text: 'Ok, tell me more', model: 'tiny', usage: { promptTokens: 1, completionTokens: 1 }, degraded: false, cached: false };
      },
    } as unknown as ModelProvider;
    expect(await lineWithoutLeaks(llm, ask(5))).toMatchObject({ text: 'Ok, tell me more', leaks: ['empty'], canned: false });
  });

  it('When a draft recites the measured style in other words (shorter than the echo window), Then it is asked again like a label leak', async () => {
    // TinyLlama as Mei (offline demo episode): the style sentence of her prompt, reworded.
    const { llm } = scripted(['In your text, Mei mentions that spontaneous messages are usually about 28 characters.', 'haha ok, let me think 🥹']);
    const said = await lineWithoutLeaks(llm, { ...ask(9), smallModel: true });
    expect(said).toMatchObject({ text: 'haha ok, let me think 🥹', leaks: ['label'], canned: false });
  });

  it('When a larger model writes a phrase a person may text ("I’ll reply to your message later", "Mei says hi"), Then it is kept: the small-model checks are off', async () => {
    const { llm } = scripted(['I’ll reply to your message later, Mei says hi']);
    expect(await lineWithoutLeaks(llm, { ...ask(13), other: 'Jun', speaker: 'Alex' })).toMatchObject({ leaks: [], canned: false });
    expect(isNarration('Yes, Alex confirms that the flat is already his.', 'Alex', 'Mei', { midLine: false })).toBe(false);
  });

  it('When a draft talks about the chat instead of in it, Then it is asked again like a label leak', async () => {
    const { llm } = scripted(['The chat so far:', 'ok so what do you think?']);
    expect(await lineWithoutLeaks(llm, { ...ask(11), smallModel: true })).toMatchObject({ text: 'ok so what do you think?', leaks: ['label'], canned: false });
    // Offline bench, episode 1: Mei's line twice.
    const again = scripted(['Reply to your next chat:', 'hmm ok 😅']);
    expect(await lineWithoutLeaks(again.llm, { ...ask(12), smallModel: true })).toMatchObject({ text: 'hmm ok 😅', leaks: ['label'] });
  });

  it('When the speaker is named in the third person in mid-line, Then it is narration; the other’s name addressed is not', () => {
    expect(isNarration('Yes, Alex confirms that the flat is already his.', 'Alex', 'Mei')).toBe(true);
    expect(isNarration('Yes Mei, the flat is great. Is it too much?', 'Alex', 'Mei')).toBe(false);
  });

  it('When a draft narrates the speaker in the third person, Then it is asked again like a leak', async () => {
    const { llm } = scripted(['Alex sent three text messages to Mei on the chat.', 'Sounds good, see you tonight?']);
    const said = await lineWithoutLeaks(llm, ask(3));
    expect(said).toMatchObject({ text: 'Sounds good, see you tonight?', leaks: ['narration'], canned: false });
  });

  it('When asked, Then the request stops at the other side’s name, at a mid-line "Me:" and at the end of the line (at most four stops)', async () => {
    const { llm, requests } = scripted(['Hi!']);
    await lineWithoutLeaks(llm, { ...ask(1), request: { ...ask(1).request, stop: lineStops('Alex', 'Mei') } });
    expect(requests[0]!.stop).toEqual(['Mei:', '\nAlex:', ' Me:']);
  });

  it('When a small model’s draft copies a run of the other side’s last line, Then it is asked again; a few shared words are kept', async () => {
    // Offline demo episode: Mei's first draft wrote Alex's line again.
    const earlier = [{ name: 'Mei', text: "Hi, Alex. Sorry about the delay in this chat. I've been busy with work lately" }];
    const { llm } = scripted(["Yes. Sorry about the delay in this chat. I've been busy with work", 'busy with work again? poor you 🥹']);
    const said = await lineWithoutLeaks(llm, { ...ask(4), smallModel: true, earlier });
    expect(said).toMatchObject({ text: 'busy with work again? poor you 🥹', leaks: ['repeat'], canned: false });
  });

  it('When a small model’s draft says again what a line already said (names aside), Then it is asked again', async () => {
    // Offline demo episode: "Hi, Mei. How are you today?" answered by "Hi, Alex. How are you today?".
    const earlier = [{ name: 'Mei', text: 'Hi, Alex. How are you today?' }];
    const { llm } = scripted(['Hi, Mei. How are you today?', 'Tired but ok. You?']);
    expect(await lineWithoutLeaks(llm, { ...ask(6), smallModel: true, earlier })).toMatchObject({ text: 'Tired but ok. You?', leaks: ['repeat'] });
  });

  it('When a draft was stopped by its token cap mid-sentence, Then it is kept up to its last whole sentence', async () => {
    const requests: ChatRequest[] = [];
    const llm = {
      chat: async (request: ChatRequest): Promise<ChatCompletion> => {
        requests.push(request);
        return { text: 'I am so grateful. Money can bec', model: 'tiny', usage: { promptTokens: 1, completionTokens: 40 }, degraded: false, cached: false };
      },
    } as unknown as ModelProvider;
    const said = await lineWithoutLeaks(llm, { ...ask(2), request: { ...ask(2).request, maxTokens: 40 } });
    expect(said.text).toBe('I am so grateful.');
  });

  it('When the endpoint says the token cap cut a draft (finish_reason length) though it counted fewer tokens, Then its cut last word is dropped', async () => {
    const llm = {
      chat: async (): Promise<ChatCompletion> => ({
        text: 'I was thinking we could try the new ramen pl',
        model: 'tiny',
        // A local server counting a prefilled reply start reports fewer tokens than the cap.
        usage: { promptTokens: 1, completionTokens: 31 },
        finishReason: 'length',
        degraded: false,
        cached: false,
      }),
    } as unknown as ModelProvider;
    const said = await lineWithoutLeaks(llm, { ...ask(2), request: { ...ask(2).request, maxTokens: 40 } });
    expect(said.text).toBe('I was thinking we could try the new ramen…');
  });

  it('When a draft names the couple together, Then it is narration', () => {
    expect(isNarration("In this chat, Mei and Alex are not getting caught up in each other's chitchat.", 'Mei', 'Alex')).toBe(true);
    expect(isNarration('you and me, hiking on Saturday?', 'Mei', 'Alex')).toBe(false);
  });
});

describe('restoreCutName (a name the small model ended after its first token)', () => {
  // Lines TinyLlama wrote in the offline bench (2026-12-06), where "Mei" is "Me" + "i" to its tokenizer.
  it.each([
    ['Hi Me, I hope you’re doing well.', 'Hi Mei, I hope you’re doing well.'],
    ['Hey, Me. Sorry about that.', 'Hey, Mei. Sorry about that.'],
    ['Oh, Me? Sure.', 'Oh, Mei? Sure.'],
    ['Sorry about that, Me?', 'Sorry about that, Mei?'],
    ['Good morning, Me!', 'Good morning, Mei!'],
  ])('When the other is addressed as %j, Then the name is whole', (line, expected) => {
    expect(restoreCutName(line, 'Mei')).toBe(expected);
  });

  it.each([
    ['Me too!', 'Mei'],
    ['Can you call me, please?', 'Mei'],
    ['Meet me at six.', 'Mei'],
    ['Me: what now?', 'Mei'],
    ['So, what do you think?', 'Sophie'],
    ['Hi Mei, all good?', 'Mei'],
    ['Hi Al, long time.', 'Al'],
  ])('When %j is not the name cut short (other %s), Then the line is unchanged', (line, other) => {
    expect(restoreCutName(line, other)).toBe(line);
  });

  it('When a role-play reply addresses the other by half their name, Then the stored message has the whole name', () => {
    expect(asChatMessage('Alex: Hi, Me', 'Alex', 'Mei')).toBe('Hi, Mei');
    expect(asChatMessage('Hey, Me. Long day?', 'Alex', 'Mei')).toBe('Hey, Mei. Long day?');
  });
});
