import { randomUUID } from 'node:crypto';
import { hashedEmbedding } from '../../src/llm/stub/hashed-embedding';
import type { MemoryStore, NewMemory, RecalledMemory } from '../../src/ports/memory-store.port';
import { fakeModelProvider } from './fixtures/fake-model-provider';
import { openTestMemoryStore, testDatabaseUrl } from './fixtures/test-memory-store';
import { asksAboutThePast, memoryPromptSection, recallMemories, type RecallInput } from './recall-memories';

describe('asksAboutThePast', () => {
  it.each([
    'Do you remember what I said yesterday?',
    "what's my sister's name?",
    'Did I tell you about my new job?',
    'Like I told you last time, I hate mornings',
    '你还记得我们上次去哪儿了吗？',
    '我妹妹叫什么？',
  ])('When the user writes %p, Then it counts as asking about the past', (text) => {
    expect(asksAboutThePast(text)).toBe(true);
  });

  it.each(['I love hiking', 'How was your day?', '我今天很开心'])('When the user writes %p, Then it does not', (text) => {
    expect(asksAboutThePast(text)).toBe(false);
  });
});

describe('memoryPromptSection', () => {
  const recalled = (text: string) => ({ memory: { text }, score: 1, similarity: 1 }) as RecalledMemory;

  it('When nothing was recalled, Then the partner prompt gets no memory block', () => {
    expect(memoryPromptSection([])).toBe('');
  });

  it('When memories were recalled, Then each is one line of a short block', () => {
    expect(memoryPromptSection([recalled("The user's sister\nis called Mei."), recalled('They planned a hike.')])).toBe(
      "Things you remember about them (use only if relevant):\n- The user's sister is called Mei.\n- They planned a hike.",
    );
  });
});

if (testDatabaseUrl()) {
  describe('recallMemories', () => {
    let memories: MemoryStore;
    let base: Omit<RecallInput, 'latestText'>;
    beforeAll(async () => {
      memories = await openTestMemoryStore();
    });
    afterAll(async () => {
      await memories?.close();
    });
    beforeEach(() => {
      base = { userId: randomUUID(), personaId: randomUUID(), view: 'partner', recentTurns: [{ speaker: 'partner', text: 'Hey, how are you?' }], halfLifeDays: 30 };
    });

    const remember = (text: string, fields: Partial<NewMemory> = {}) =>
      memories.add({
        userId: base.userId,
        personaId: base.personaId,
        view: 'partner',
        kind: 'FACT',
        text,
        importance: 6,
        validFrom: new Date(Date.now() - 86_400_000),
        sourceMessageIds: ['m1'],
        vector: hashedEmbedding(text),
        ...fields,
      });

    it('When nothing is remembered for the pair, Then it answers no-memories without calling any model', async () => {
      const llm = fakeModelProvider({ structured: { recall_intent: () => ({ recall: true, query: 'sister' }) } });
      await remember("The user's sister is called Mei.", { view: 'coach' });

      const result = await recallMemories({ llm, memories }, { ...base, latestText: 'Do you remember my sister?' });

      expect(result).toEqual({ decision: 'no-memories', recalled: [] });
      expect(llm.calls).toEqual([]);
    });

    it('When the intent check says a memory is needed, Then its query is searched', async () => {
      await remember("The user's sister is called Mei.");
      await remember('The user works as a nurse.', { factKey: 'user.job' });
      const llm = fakeModelProvider({ structured: { recall_intent: () => ({ recall: 'yes', query: ' nurse job ' }) } });

      const result = await recallMemories({ llm, memories }, { ...base, latestText: 'Work was so tiring today', limit: 1 });

      expect(result.decision).toBe('recall');
      expect(result.query).toBe('nurse job');
      expect(result.recalled.map((r) => r.memory.text)).toEqual(['The user works as a nurse.']);
      expect(llm.calls.filter((c) => c.method === 'embed')).toHaveLength(1);
    });

    it('When the message needs no memory, Then it skips without embedding', async () => {
      await remember("The user's sister is called Mei.");
      const llm = fakeModelProvider({ structured: { recall_intent: () => ({ recall: false, query: '' }) } });

      const result = await recallMemories({ llm, memories }, { ...base, latestText: 'haha that is funny' });

      expect(result).toEqual({ decision: 'skip', recalled: [] });
      expect(llm.calls.map((c) => c.method)).toEqual(['structured']);
    });

    it('When the user plainly asks about the past but the model says no, Then it recalls with the message itself', async () => {
      await remember("The user's sister is called Mei.");
      await remember('They planned to go hiking on Saturday.', { kind: 'EVENT' });
      const llm = fakeModelProvider({ structured: { recall_intent: () => ({ recall: false, query: '' }) } });

      const result = await recallMemories({ llm, memories }, { ...base, latestText: 'Do you remember what my sister is called?' });

      expect(result.decision).toBe('recall');
      expect(result.query).toBe('Do you remember what my sister is called?');
      expect(result.recalled[0]!.memory.text).toBe("The user's sister is called Mei.");
    });

    it('When the user asks in Chinese and the intent check is down, Then the guard still recalls', async () => {
      await remember('用户的妹妹叫美美。');
      await remember('用户喜欢爬山。');
      const llm = fakeModelProvider(); // no structured answer: the provider reports AI_SERVICE_UNAVAILABLE

      const result = await recallMemories({ llm, memories }, { ...base, latestText: '我妹妹叫什么？' });

      expect(result.decision).toBe('recall');
      expect(result.recalled[0]!.memory.text).toBe('用户的妹妹叫美美。');
    });
  });
} else {
  it.skip('recallMemories (TEST_DATABASE_URL unset: run through jest with its globalSetup)', () => undefined);
}
