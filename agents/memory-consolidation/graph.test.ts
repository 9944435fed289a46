import { randomUUID } from 'node:crypto';
import type { StructuredRequest } from '../../src/ports/model-provider.port';
import type { MemoryStore } from '../../src/ports/memory-store.port';
import { fakeModelProvider, type FakeModelProvider } from '../live-chat/fixtures/fake-model-provider';
import { openTestMemoryStore, testDatabaseUrl } from '../live-chat/fixtures/test-memory-store';
import { recallMemories } from '../live-chat/recall-memories';
import { consolidateMemories, type ConsolidationInput, type ConsolidationMessage } from './graph';

// Chats from two days ago: recall measures validity at the real now.
const START = Date.now() - 2 * 86_400_000;

/** A chat of `count` messages, alternating user and partner; `said` puts texts at 1-based positions (user lines). */
function buildChat(count: number, said: Record<number, string> = {}): ConsolidationMessage[] {
  return Array.from({ length: count }, (_, i) => {
    const position = i + 1;
    const text = said[position];
    return {
      id: randomUUID(),
      speaker: text || i % 2 === 0 ? 'user' : 'partner',
      text: text ?? `Small talk number ${position} about the weather and lunch.`,
      at: new Date(START + i * 60_000),
    };
  });
}

const LINE = /^\[(\d+)\] (user|partner): (.*)$/gm;

/** A "model" that reads the numbered lines like a good extractor would. */
function readingExtractor(_request: StructuredRequest, prompt: string) {
  const facts: unknown[] = [];
  const events: unknown[] = [];
  for (const [, n, speaker, text] of prompt.matchAll(LINE)) {
    if (speaker !== 'user') continue;
    const named = /my sister's name is (\w+)/i.exec(text!) ?? /my sister changed her name to (\w+)/i.exec(text!);
    if (named) facts.push({ key: 'sister.name', text: `The user's sister is called ${named[1]}.`, importance: 7, sources: [Number(n)] });
    if (/hiking on saturday/i.test(text!)) events.push({ text: 'They planned to go hiking on Saturday.', importance: 6, sources: [Number(n)] });
  }
  return {
    summary: { text: 'They chatted about family, the weather and weekend plans.', importance: 4 },
    facts,
    events,
    coachNote: 'The user rarely asks the partner questions back.',
  };
}

if (testDatabaseUrl()) {
  describe('consolidateMemories', () => {
    let memories: MemoryStore;
    let input: Omit<ConsolidationInput, 'messages'>;
    beforeAll(async () => {
      memories = await openTestMemoryStore();
    });
    afterAll(async () => {
      await memories?.close();
    });
    beforeEach(() => {
      input = { userId: randomUUID(), personaId: randomUUID(), userName: 'Alex', partnerName: 'Sam' };
    });

    const recallSister = (llm: FakeModelProvider, view: 'partner' | 'coach' = 'partner') =>
      recallMemories(
        { llm, memories },
        { ...input, view, latestText: "what's my sister's name?", recentTurns: [{ speaker: 'partner', text: 'How is your family?' }], halfLifeDays: 30 },
      );

    it('When message 3 of 60 says the sister is called Mei, Then recalling her name returns that fact citing message 3', async () => {
      const messages = buildChat(60, { 3: "By the way, my sister's name is Mei.", 20: "Let's go hiking on Saturday!" });
      const llm = fakeModelProvider({
        structured: { memory_extraction: readingExtractor, recall_intent: () => ({ recall: true, query: 'sister name' }) },
      });

      const { written } = await consolidateMemories({ llm, memories }, { ...input, messages });

      // One window: one extraction and one embedding call, whatever the number of memories.
      expect(llm.calls.map((c) => c.method)).toEqual(['structured', 'embed']);
      expect(llm.calls[0]!.tag).toMatchObject({ userId: input.userId, agent: 'memory-consolidation', node: 'extract-memories', purpose: 'memory' });
      expect(written.map((m) => `${m.view}:${m.kind}`)).toEqual(['partner:SUMMARY', 'partner:FACT', 'partner:EVENT', 'coach:SUMMARY', 'coach:SUMMARY']);

      const result = await recallSister(llm);
      expect(result.decision).toBe('recall');
      const top = result.recalled[0]!.memory;
      expect(top).toMatchObject({ kind: 'FACT', factKey: 'sister.name', text: "The user's sister is called Mei.", sourceMessageIds: [messages[2]!.id], validTo: null });
      expect(top.validFrom.toISOString()).toBe(messages[2]!.at.toISOString());

      const hike = written.find((m) => m.kind === 'EVENT')!;
      expect(hike.sourceMessageIds).toEqual([messages[19]!.id]);
      const summary = written.find((m) => m.kind === 'SUMMARY' && m.view === 'partner')!;
      expect(summary.sourceMessageIds).toEqual(messages.map((m) => m.id));
      expect(summary.validFrom.toISOString()).toBe(messages[59]!.at.toISOString());
    });

    it('When an extracted memory is flagged by moderation, Then it is not stored and the rest is', async () => {
      const messages = buildChat(10, { 3: "By the way, my sister's name is Mei." });
      const llm = fakeModelProvider({ structured: { memory_extraction: readingExtractor }, blocks: /sister/i });

      const { written } = await consolidateMemories({ llm, memories }, { ...input, messages });

      expect(written.map((m) => m.text).join('\n')).not.toMatch(/sister/i);
      expect(written.map((m) => `${m.view}:${m.kind}`)).toEqual(['partner:SUMMARY', 'coach:SUMMARY', 'coach:SUMMARY']);
    });

    it('When the coach view is read, Then it holds the summary and the coach note, and the partner never sees the note', async () => {
      const llm = fakeModelProvider({ structured: { memory_extraction: readingExtractor } });
      await consolidateMemories({ llm, memories }, { ...input, messages: buildChat(10) });

      const coach = await memories.list({ userId: input.userId, personaId: input.personaId, view: 'coach' });
      expect(coach.map((m) => m.text).sort()).toEqual(['The user rarely asks the partner questions back.', 'They chatted about family, the weather and weekend plans.']);
      expect(coach.every((m) => m.kind === 'SUMMARY')).toBe(true);
      const partner = await memories.list({ userId: input.userId, personaId: input.personaId, view: 'partner' });
      expect(partner.map((m) => m.text)).not.toContain('The user rarely asks the partner questions back.');
    });

    it('When a later window says the sister changed her name to Lin, Then Lin supersedes Mei', async () => {
      const messages = buildChat(90, { 3: "my sister's name is Mei", 75: 'Big news: my sister changed her name to Lin' });
      const llm = fakeModelProvider({
        structured: { memory_extraction: readingExtractor, recall_intent: () => ({ recall: true, query: 'sister name' }) },
      });

      await consolidateMemories({ llm, memories }, { ...input, messages });

      const extractions = llm.calls.filter((c) => c.schemaName === 'memory_extraction');
      expect(extractions).toHaveLength(2);
      expect(extractions.map((c) => (c.input as string).match(/^\[\d+\]/gm)!.length)).toEqual([60, 30]);
      const facts = (await memories.list({ userId: input.userId, personaId: input.personaId, view: 'partner', includeInvalid: true })).filter((m) => m.kind === 'FACT');
      const mei = facts.find((m) => m.text.includes('Mei'))!;
      const lin = facts.find((m) => m.text.includes('Lin'))!;
      expect(mei.validTo?.toISOString()).toBe(messages[74]!.at.toISOString());
      expect(lin.validTo).toBeNull();

      const { recalled } = await recallSister(llm);
      expect(recalled[0]!.memory.text).toBe("The user's sister is called Lin.");
      expect(recalled.map((r) => r.memory.text)).not.toContain("The user's sister is called Mei.");
    });

    it('When the model cites lines outside the window, Then those sources are dropped and an uncited fact is not stored', async () => {
      const messages = buildChat(60);
      const llm = fakeModelProvider({
        structured: {
          memory_extraction: () => ({
            summary: { text: 'Small talk.', importance: 2 },
            facts: [
              { key: 'pet.name', text: "The user's cat is called Miso.", importance: 5, sources: [0, 3, 61, 99, -1] },
              { key: 'user.city', text: 'The user lives in Oslo.', importance: 5, sources: [61] },
            ],
            events: [{ text: 'They argued about dinner.', importance: 5, sources: [] }],
            coachNote: '',
          }),
        },
      });

      const { written } = await consolidateMemories({ llm, memories }, { ...input, messages });

      const facts = written.filter((m) => m.kind === 'FACT');
      expect(facts).toHaveLength(1);
      expect(facts[0]).toMatchObject({ factKey: 'pet.name', sourceMessageIds: [messages[2]!.id] });
      expect(written.filter((m) => m.kind === 'EVENT')).toEqual([]);
      // No coach note: the coach view gets the summary only.
      expect(written.filter((m) => m.view === 'coach').map((m) => m.text)).toEqual(['Small talk.']);
    });

    it('When the model answers sloppily, Then importance is clamped, keys normalised and junk dropped', async () => {
      const messages = buildChat(30);
      const many = Array.from({ length: 25 }, (_, i) => ({ key: `hobby.${i}`, text: `The user likes hobby number ${i}.`, importance: 5, sources: [i + 1] }));
      const llm = fakeModelProvider({
        structured: {
          memory_extraction: () => ({
            summary: '  They   talked\nabout   hobbies.  ',
            facts: [
              { key: 'Sister Name!', text: "  The user's sister is called Mei. ", importance: 42, sources: ['[3]'] },
              { key: 'user job', text: 'The user is a nurse.', importance: '-3', sources: ['m4', 4] },
              { key: 'user.city', text: 'The user lives in Oslo.', importance: '7.6', sources: 5 },
              { key: 'empty', text: '   ', importance: 5, sources: [6] },
              'not an object',
              ...many,
            ],
            events: 'not a list',
            coachNote: 42,
          }),
        },
      });

      const { written } = await consolidateMemories({ llm, memories }, { ...input, messages });

      const facts = written.filter((m) => m.kind === 'FACT');
      expect(facts).toHaveLength(20);
      expect(facts.slice(0, 3).map((m) => [m.factKey, m.text, m.importance, m.sourceMessageIds])).toEqual([
        ['sister_name', "The user's sister is called Mei.", 10, [messages[2]!.id]],
        ['user_job', 'The user is a nurse.', 1, [messages[3]!.id]],
        ['user.city', 'The user lives in Oslo.', 8, [messages[4]!.id]],
      ]);
      const summary = written.find((m) => m.kind === 'SUMMARY' && m.view === 'partner')!;
      expect(summary).toMatchObject({ text: 'They talked about hobbies.', importance: 5 });
      expect(written.filter((m) => m.kind === 'EVENT')).toEqual([]);
    });

    it('When there are no messages, Then nothing is written and no model is called', async () => {
      const llm = fakeModelProvider();
      expect(await consolidateMemories({ llm, memories }, { ...input, messages: [] })).toEqual({ written: [] });
      expect(llm.calls).toEqual([]);
    });
  });
} else {
  it.skip('memory consolidation (TEST_DATABASE_URL unset: run through jest with its globalSetup)', () => undefined);
}
