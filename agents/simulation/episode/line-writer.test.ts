import { MemorySaver } from '@langchain/langgraph';
import type { NewTranscriptMessage } from '../../../src/ports/transcript-store.port';
import { episodeSlots } from '../episode-slots';
import { fakeModel, fakeSimulationDeps, type FakeCalls } from '../fixtures/fake-simulation-deps';
import { memoryTranscripts } from '../fixtures/memory-transcripts';
import { createSimulationGraph } from '../graph';

const newCalls = (): FakeCalls => ({ chats: [], structured: [] });
const spoken = (messages: NewTranscriptMessage[]) => messages.filter((m) => m.role !== 'system');

/**
 * An in-memory store whose n-th spoken line's append never lands: it fails at once ('fail'),
 * or is still in flight when the process dies a moment later ('die').
 */
function faultyTranscripts(rows: ReturnType<typeof memoryTranscripts>, nth: number, what: 'die' | 'fail', dieAfterMs = 20) {
  let seen = 0;
  const append = rows.append.bind(rows);
  return Object.assign(Object.create(rows) as typeof rows, {
    append: async (messages: NewTranscriptMessage[]) => {
      seen += spoken(messages).length;
      if (spoken(messages).length > 0 && seen === nth) {
        if (what === 'fail') throw new Error('transcript store unreachable');
        await new Promise((resolve) => setTimeout(resolve, dieAfterMs));
        throw new Error('worker killed');
      }
      return append(messages);
    },
  });
}

describe('LineWriter: turns stored and announced behind the agents', () => {
  it('When the agents play, Then every TURN goes out after its line is stored, and EPISODE_SCORED after the episode’s turns', async () => {
    const { deps, events, transcripts } = fakeSimulationDeps({ llm: fakeModel(newCalls()) });
    const emit = deps.emit;
    const storedAtEmit: boolean[] = [];
    deps.emit = async (type, payload, key) => {
      if (type === 'TURN') storedAtEmit.push(transcripts.rows.some((r) => r.id === payload.messageId && r.text === payload.text));
      return emit(type, payload, key);
    };
    await createSimulationGraph(deps, {}).invoke({}, { configurable: { thread_id: 'order' } });

    expect(storedAtEmit).toHaveLength(8);
    expect(storedAtEmit.every(Boolean)).toBe(true);
    for (const scored of events.filter((e) => e.type === 'EPISODE_SCORED')) {
      const episodeId = (scored.payload.score as { episodeId: string }).episodeId;
      const lastTurn = events.findLastIndex((e) => e.type === 'TURN' && e.payload.episodeId === episodeId);
      expect(events.indexOf(scored)).toBeGreaterThan(lastTurn);
    }
    // Seqs in each episode's transcript follow the turns.
    for (const conv of new Set(transcripts.rows.map((r) => r.conversationId))) {
      const turns = transcripts.rows.filter((r) => r.conversationId === conv).map((r) => Number((r.metadata as { turn: number }).turn));
      expect(turns).toEqual([...turns].sort((a, b) => a - b));
    }
  });

  it.each([
    // The episode plays on and ends; its flush meets the failed write: the checkpoint holds the finished episode.
    ['after the episode ended in its checkpoint', { dieAfterMs: 20, failTurn: undefined }],
    // The model call of turn 3 kills the process while lines 1–2 of episode 2 are still queued.
    ['mid-episode', { dieAfterMs: 200, failTurn: 7 }],
  ])('When a process dies with checkpointed lines still unwritten (%s), Then the resumed run stores them in order and announces each once', async (_, fault) => {
    const checkpointer = new MemorySaver();
    const config = { configurable: { thread_id: 'lost-write' }, maxConcurrency: 2 };
    const rows = memoryTranscripts();
    // Episode 1 plays turns 1–4; episode 2's first line never lands.
    const first = fakeSimulationDeps({ llm: fakeModel(newCalls(), { failTurn: fault.failTurn }), transcripts: faultyTranscripts(rows, 5, 'die', fault.dieAfterMs) });
    first.deps.episodeSlot = episodeSlots(1);
    await expect(createSimulationGraph(first.deps, { checkpointer }).invoke({}, config)).rejects.toThrow('worker killed');
    expect(spoken(rows.rows)).toHaveLength(4);

    const again = fakeSimulationDeps({ llm: fakeModel(newCalls()), transcripts: rows, resumed: true });
    again.deps.episodeSlot = episodeSlots(1);
    again.events.push(...first.events);
    const result = await createSimulationGraph(again.deps, { checkpointer }).invoke(null, config);

    const turnEvents = again.events.filter((e) => e.type === 'TURN');
    expect(spoken(rows.rows)).toHaveLength(8);
    expect(new Set(spoken(rows.rows).map((r) => `${r.conversationId}#${r.dedupeKey}`)).size).toBe(8);
    // Lines (the narrator's included) are stored in the order of the story.
    for (const conv of new Set(rows.rows.map((r) => r.conversationId))) {
      const turns = rows.rows.filter((r) => r.conversationId === conv).map((r) => Number((r.metadata as { turn: number }).turn));
      expect(turns).toEqual([...turns].sort((a, b) => a - b));
    }
    expect(turnEvents).toHaveLength(8);
    expect(again.events.filter((e) => e.type === 'EVENT_INJECTED')).toHaveLength(rows.rows.filter((r) => r.role === 'system').length);
    // Every announced and scored line is the stored one: same id, same text.
    for (const e of turnEvents) expect(rows.rows.find((r) => r.id === e.payload.messageId)?.text).toBe(e.payload.text);
    expect(result.scores).toHaveLength(2);
  });

  it('When a line cannot be stored, Then the run fails with that error and sends no event after it', async () => {
    const rows = memoryTranscripts();
    const { deps, events } = fakeSimulationDeps({ llm: fakeModel(newCalls()), transcripts: faultyTranscripts(rows, 2, 'fail') });

    await expect(createSimulationGraph(deps, {}).invoke({}, { configurable: { thread_id: 'failed-write' } })).rejects.toThrow('transcript store unreachable');
    expect(events.filter((e) => e.type === 'TURN')).toHaveLength(1);
    expect(events.some((e) => e.type === 'EPISODE_SCORED')).toBe(false);
  });
});
