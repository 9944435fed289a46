import { MemorySaver } from '@langchain/langgraph';
import { instantiateScenario } from '../../src/kernel/simulation/scenarios/instantiate-scenario';
import { SCENARIO_LIBRARY } from '../../seeds/scenarios/library';
import { createEpisodeGraph } from './episode/graph';
import { episodeSlots } from './episode-slots';
import { fakeModel, fakeSimulationDeps, SCENE_MARK, type FakeCalls } from './fixtures/fake-simulation-deps';
import { createSimulationGraph } from './graph';

const edges = (graph: { getGraph(): { edges: { source: string; target: string; conditional?: boolean }[] } }) =>
  graph
    .getGraph()
    .edges.map((e) => `${e.source} ${e.conditional ? '-?->' : '--->'} ${e.target}`)
    .sort();

const newCalls = (): FakeCalls => ({ chats: [], structured: [] });
const isScene = (r: FakeCalls['chats'][number]) => r.messages.some((m) => m.content.includes(SCENE_MARK));

describe('simulation graph', () => {
  it('When the graphs are drawn, Then the run fans episodes out and each episode is its four agents with a typed router between turns', () => {
    const { deps } = fakeSimulationDeps({ llm: fakeModel(newCalls()) });
    expect(edges(createSimulationGraph(deps, {}))).toEqual(
      [
        '__start__ ---> plan-episodes',
        'plan-episodes -?-> play-episode',
        'plan-episodes -?-> write-narrative',
        'play-episode ---> write-narrative',
        'write-narrative ---> __end__',
      ].sort(),
    );
    expect(edges(createEpisodeGraph(deps, { spent: 0 }))).toEqual(
      [
        '__start__ ---> set-scene',
        'set-scene -?-> user-proxy-turn',
        'set-scene -?-> partner-turn',
        'set-scene -?-> inject-event',
        'set-scene -?-> stop-episode',
        'inject-event -?-> user-proxy-turn',
        'inject-event -?-> partner-turn',
        'inject-event -?-> stop-episode',
        'user-proxy-turn -?-> partner-turn',
        'user-proxy-turn -?-> inject-event',
        'user-proxy-turn -?-> score-episode',
        'user-proxy-turn -?-> stop-episode',
        'partner-turn -?-> user-proxy-turn',
        'partner-turn -?-> inject-event',
        'partner-turn -?-> score-episode',
        'partner-turn -?-> stop-episode',
        'score-episode ---> __end__',
        'stop-episode ---> __end__',
      ].sort(),
    );
  });

  it('When a run crashes mid-episode and is invoked again, Then it continues the episode from its checkpoint and every turn happens once', async () => {
    const checkpointer = new MemorySaver();
    const config = { configurable: { thread_id: 'run-1' }, maxConcurrency: 2 };
    const calls = newCalls();
    // Episodes one at a time: the 6th role-play call is turn 2 of the second episode.
    const first = fakeSimulationDeps({ llm: fakeModel(calls, { failTurn: 6 }) });
    first.deps.episodeSlot = episodeSlots(1);
    await expect(createSimulationGraph(first.deps, { checkpointer }).invoke({}, config)).rejects.toThrow('worker killed');
    // The line of the turn before the crash is written behind it (LineWriter), on the event
    // loop's next round: a failed call does not stop that write (a dead process would, and the
    // resumed run stores the line from its checkpoint).
    await new Promise((resolve) => setTimeout(resolve, 20));
    const turnsBefore = first.events.filter((e) => e.type === 'TURN').length;
    expect(turnsBefore).toBe(5);

    const again = fakeSimulationDeps({ llm: fakeModel(calls), transcripts: first.transcripts, resumed: true });
    again.deps.episodeSlot = episodeSlots(1);
    // The event log outlives the worker.
    again.events.push(...first.events);
    const result = await createSimulationGraph(again.deps, { checkpointer }).invoke(null, config);

    expect(result.scores).toHaveLength(2);
    expect(result.stopReason).toBeNull();
    // Each scene was written once: the resumed episode did not set its scene again.
    expect(calls.chats.filter(isScene)).toHaveLength(2);
    // 8 turns in all, plus the one call that crashed: nothing before the crash was asked again.
    expect(calls.chats.filter((r) => !isScene(r))).toHaveLength(8 + 1);
    const turns = again.events.filter((e) => e.type === 'TURN').map((e) => `${String(e.payload.episodeId)}#${String(e.payload.turn)}`);
    expect(turns).toHaveLength(8);
    expect(new Set(turns).size).toBe(8);
    expect(first.transcripts.rows.filter((r) => r.role !== 'system')).toHaveLength(8);
    expect(again.events.filter((e) => e.type === 'EPISODE_SCORED')).toHaveLength(2);
    // A checkpoint per step inside each episode, in the run's thread under the play-episode task's namespace.
    const namespaces = new Map<string, number>();
    for await (const c of checkpointer.list({ configurable: { thread_id: 'run-1' } })) {
      const ns = String(c.config.configurable?.checkpoint_ns ?? '');
      if (ns.startsWith('play-episode:')) namespaces.set(ns, (namespaces.get(ns) ?? 0) + 1);
    }
    expect(namespaces.size).toBe(2);
    // The input, set-scene, 4 turns and the score: at least 6 each.
    for (const n of namespaces.values()) expect(n).toBeGreaterThanOrEqual(6);
  });

  it('When the agents take turns, Then each one is shown its own private goal and never the other side’s', async () => {
    const calls = newCalls();
    const { deps } = fakeSimulationDeps({ llm: fakeModel(calls) });
    await createSimulationGraph(deps, {}).invoke({}, { configurable: { thread_id: 'goals' } });
    for (const templateId of deps.run.scenarioIds!) {
      const template = SCENARIO_LIBRARY.find((t) => t.id === templateId)!;
      const { privateGoals } = instantiateScenario(template, { seed: deps.run.seed, episodeIndex: 0, selfName: 'Alex', partnerName: 'Mei', maxTurns: deps.run.maxTurns });
      const own = (agent: string, goal: string) => calls.chats.filter((r) => r.tag.agent === agent && r.messages[0]!.content.includes(goal));
      expect(own('user-proxy', privateGoals.self).length).toBeGreaterThan(0);
      expect(own('partner-simulation', privateGoals.partner).length).toBeGreaterThan(0);
      expect(own('user-proxy', privateGoals.partner)).toHaveLength(0);
      expect(own('partner-simulation', privateGoals.self)).toHaveLength(0);
      expect([...own('scenario-generator', privateGoals.self), ...own('scenario-generator', privateGoals.partner)]).toHaveLength(0);
    }
    // The scene writer sees neither goal.
    for (const scene of calls.chats.filter(isScene)) expect(scene.messages.map((m) => m.content).join('\n')).not.toMatch(/goal/i);
  });

  it('When the agents take turns, Then every line is asked for with output moderation, so a flagged line is replaced before it is stored or shown', async () => {
    const calls = newCalls();
    const { deps } = fakeSimulationDeps({ llm: fakeModel(calls) });
    await createSimulationGraph(deps, {}).invoke({}, { configurable: { thread_id: 'moderated' } });
    const turns = calls.chats.filter((r) => !isScene(r));
    expect(turns.length).toBeGreaterThan(0);
    expect(turns.every((r) => r.moderateOutput === true)).toBe(true);
  });

  it('When the narrative cannot be written, Then the run still ends with its scored episodes and an empty narrative (the report’s figures come from the scores)', async () => {
    const calls = newCalls();
    const llm = fakeModel(calls);
    const structured = llm.structured.bind(llm);
    llm.structured = (async (request: Parameters<typeof llm.structured>[0]) => {
      if (request.schemaName === 'report_narrative') throw new Error('No model could answer; try again shortly');
      return structured(request);
    }) as typeof llm.structured;
    const warnings: string[] = [];
    const { deps } = fakeSimulationDeps({ llm });
    deps.warn = (_fields, message) => void warnings.push(message);
    const result = await createSimulationGraph(deps, {}).invoke({}, { configurable: { thread_id: 'no-narrative' } });
    expect(result.scores).toHaveLength(2);
    expect(result.narrative).toEqual({ strengths: [], risks: [], recommendations: [] });
    expect(warnings).toContain('the report narrative could not be written; the report goes without it');
  });

  it('When the same seed runs twice, Then the scenes and the seeds sent with every model call are the same; another seed changes them', async () => {
    const run = async (seed: string) => {
      const calls = newCalls();
      const { deps, events } = fakeSimulationDeps({ llm: fakeModel(calls), run: { seed, scenarioIds: null, scenarioCount: 2 } });
      await createSimulationGraph(deps, {}).invoke({}, { configurable: { thread_id: seed } });
      return {
        scenes: events.filter((e) => e.type === 'EPISODE_STARTED').map((e) => e.payload),
        sceneRequests: calls.chats.filter(isScene).map((r) => ({ seed: r.seed, temperature: r.temperature, prompt: r.messages.map((m) => m.content) })),
        turnSeeds: calls.chats.filter((r) => !isScene(r)).map((r) => [r.tag.agent, r.seed]),
        turns: events.filter((e) => e.type === 'TURN').map((e) => e.payload.text),
      };
    };
    const a = await run('same');
    const b = await run('same');
    expect(b).toEqual(a);
    expect(a.sceneRequests.every((r) => r.temperature === 0 && Number.isInteger(r.seed))).toBe(true);
    expect(new Set(a.turnSeeds.map(([, seed]) => seed)).size).toBe(a.turnSeeds.length);
    const c = await run('other');
    expect(c.turnSeeds).not.toEqual(a.turnSeeds);
  });
});
