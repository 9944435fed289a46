import { SCENARIO_LIBRARY } from '../../../seeds/scenarios/library';
import { DIMENSION_KEYS } from '../../../src/kernel/simulation/dimensions';
import { instantiateScenario } from '../../../src/kernel/simulation/scenarios/instantiate-scenario';
import type { ModelProvider, StructuredRequest } from '../../../src/llm/model-provider.port';
import type { SimulationDeps } from '../configuration';
import type { EpisodeState, Turn } from '../state';
import type { RawEpisodeScore } from './episode-score.schema';
import { judgeTranscript } from './judge-transcript';
import { scoreEpisode } from './score-episode';

const TURNS: Turn[] = [
  { id: 'n-1', turn: 0, speaker: 'narrator', name: 'Narrator', text: 'Mei’s phone rings: her sister.' },
  { id: 'a-1', turn: 1, speaker: 'self', name: 'Alex', text: 'Sorry, can we talk about the rent?' },
  { id: 'm-1', turn: 2, speaker: 'partner', name: 'Mei', text: 'Sure! What worries you?' },
  { id: 'a-2', turn: 3, speaker: 'self', name: 'Alex', text: 'Half is a lot for me. Thank you for listening, haha.' },
];

function setup(answer: RawEpisodeScore, scoreDetail: SimulationDeps['scoreDetail'] = 'full', turns = TURNS) {
  const requests: StructuredRequest[] = [];
  const emitted: unknown[] = [];
  const llm = {
    structured: async (request: StructuredRequest) => {
      requests.push(request);
      return { value: answer, model: 'judge-model', usage: { promptTokens: 100, completionTokens: 50 }, cached: false };
    },
  } as unknown as ModelProvider;
  const deps = {
    llm,
    run: { ownerId: 'u-1', self: { name: 'Alex' }, partner: { name: 'Mei' } },
    emit: async (_type: string, payload: unknown) => void emitted.push(payload),
    scoreDetail,
    costOf: () => 0.5,
  } as unknown as SimulationDeps;
  const template = SCENARIO_LIBRARY[0]!;
  const scenario = instantiateScenario(template, { seed: 's', episodeIndex: 0, selfName: 'Alex', partnerName: 'Mei' });
  const episode: EpisodeState = { episodeId: 'e-1', scenario, turn: 3, turns, staleTurns: 0, endSignals: { self: true, partner: true } };
  return { run: () => scoreEpisode(deps, episode, { templateId: template.id, episodeIndex: 0 }), requests, emitted };
}

const answer = (overrides: Partial<RawEpisodeScore> = {}): RawEpisodeScore => ({
  dimensions: Object.fromEntries(DIMENSION_KEYS.map((key, i) => [key, { reasoning: `why ${key}`, score: i, citations: ['t2', 't9'] }])),
  horsemen: { criticism: 0, contempt: 0, defensiveness: 1, stonewalling: 0 },
  positiveInteractions: 3,
  negativeInteractions: 1,
  criticalMoments: [{ turn: 't4', dimension: 'humorAndWarmth', impact: 3, note: 'laughs it off' }],
  ...overrides,
});

describe('scoreEpisode', () => {
  it('When the judge answers every dimension, Then the episode has ten scores citing turn ids, and the measures of the two agents’ turns', async () => {
    const { run, requests, emitted } = setup(answer());
    const { score, model } = await run();
    expect(model).toBe('judge-model');
    expect(score.dimensions.map((d) => [d.dimension, d.score])).toEqual(DIMENSION_KEYS.map((key, i) => [key, i]));
    expect(score.dimensions[0]!.citedTurnIds).toEqual(['a-1']);
    expect(score.criticalMoments).toEqual([{ turnId: 'a-2', speaker: 'Alex', quote: TURNS[3]!.text, dimension: 'humorAndWarmth', impact: 3, note: 'laughs it off' }]);
    expect(score.positiveToNegativeRatio).toBe(3);
    expect(score).toMatchObject({ turns: 3, tokens: 150, costUsd: 0.5 });
    // The narrator's line is the scene: the judge reads it (as t1), the measures leave it out.
    expect(requests[0]!.messages[0]!.content).toContain('t1 Narrator: Mei’s phone rings');
    expect(requests[0]!.tag.prompt).toEqual({ name: 'simulation.score-episode', version: 3 });
    // A large model (full detail) answers all ten dimensions in one call.
    expect(requests).toHaveLength(1);
    expect(score.measures!.speakers).toEqual(['Alex', 'Mei']);
    expect(score.measures!.messages).toBe(3);
    expect(score.measures!.perSpeaker[0].warmth.apology.messageIds).toEqual(['a-1']);
    expect(emitted).toEqual([{ score }]);
  });

  it('When the judge leaves a dimension out, Then that dimension is absent rather than invented', async () => {
    const partial = answer();
    delete (partial.dimensions as Record<string, unknown>).valuesAlignment;
    const { score } = await (setup(partial).run());
    expect(score.dimensions.map((d) => d.dimension)).toEqual(DIMENSION_KEYS.filter((k) => k !== 'valuesAlignment'));
  });

  it('When a long episode is judged briefly (small model), Then the judge reads the latest lines, numbered as in the whole episode', async () => {
    const long: Turn[] = Array.from({ length: 40 }, (_, i) => ({ id: `x-${i + 1}`, turn: i + 1, speaker: i % 2 ? 'partner' : 'self', name: i % 2 ? 'Mei' : 'Alex', text: `line ${i + 1} `.repeat(12) }));
    const { run, requests } = setup(answer({ dimensions: { goalCompletion: { reasoning: 'r', score: 5, citations: ['t40'] }, believability: { reasoning: 'r', score: 5, citations: ['t1'] } } }), 'brief', long);
    const { score } = await run();
    const prompt = requests[0]!.messages[0]!.content;
    expect(prompt).toMatch(/\(\d+ earlier lines left out\)/);
    expect(prompt).toContain('t40 Mei: line 40');
    expect(prompt).not.toContain('t1 Alex');
    // A ref to a line the judge did not see is not a citation.
    expect(score.dimensions.map((d) => d.citedTurnIds)).toEqual([['x-40'], []]);
    expect(score.measures!.messages).toBe(40);
  });
});

describe('judgeTranscript on a small model (brief): dimensions in groups under a grammar', () => {
  type Script = (request: StructuredRequest, call: number) => unknown;
  const judged = async (script: Script) => {
    const requests: StructuredRequest[] = [];
    const llm = {
      structured: async (request: StructuredRequest) => {
        requests.push(request);
        const value = script(request, requests.length);
        if (value instanceof Error) throw value;
        return { value, model: 'tiny', usage: { promptTokens: 100, completionTokens: 50 }, cached: false };
      },
    } as unknown as ModelProvider;
    const { verdict, usage } = await judgeTranscript(llm, { self: 'Alex', partner: 'Mei', scene: 'A flat.', goals: 'none', lines: TURNS, detail: 'brief' }, { agent: 'analysis', node: 'score-episode', purpose: 'test' });
    return { verdict, usage, requests };
  };
  const asked = (request: StructuredRequest) => (request.schema as { properties: { dimensions: { required: string[] } } }).properties.dimensions.required;
  const verdicts = (keys: readonly string[], score = 6) => Object.fromEntries(keys.map((k) => [k, { reasoning: `on ${k}`, score, citations: ['t2'] }]));
  const counts = { horsemen: { criticism: 1, contempt: 0, defensiveness: 0, stonewalling: 0 }, positiveInteractions: 4, negativeInteractions: 2, criticalMoments: [] };
  const honest: Script = (request) => ({ dimensions: verdicts(asked(request)), ...counts });

  it('When the model answers each group, Then every dimension has one score, asked five at a time, the counts once', async () => {
    const { verdict, requests } = await judged(honest);
    expect(requests.map(asked)).toEqual([DIMENSION_KEYS.slice(0, 5), DIMENSION_KEYS.slice(5)]);
    expect(verdict.dimensions.map((d) => d.dimension)).toEqual(DIMENSION_KEYS);
    expect(verdict.horsemen.criticism).toBe(1);
    expect(verdict.positiveToNegativeRatio).toBe(2);
    // Only the last call carries the counts, and every call shares the transcript at the start of its prompt.
    expect(requests.map((r) => 'horsemen' in (r.schema as { properties: object }).properties)).toEqual([false, true]);
    const openings = requests.map((r) => r.messages[0]!.content.split('Score each dimension')[0]);
    expect(new Set(openings).size).toBe(1);
  });

  it('When a group comes back malformed (a dimension missing, a score not a number), Then those dimensions alone are asked again and none is dropped', async () => {
    const { verdict, requests } = await judged((request, call) => {
      if (call === 2) return { dimensions: { valuesAlignment: { reasoning: 'ok', score: 'seven', citations: [] } }, ...counts };
      return honest(request, call);
    });
    expect(asked(requests[2]!)).toEqual(DIMENSION_KEYS.slice(5));
    expect(requests[2]!.temperature).toBeGreaterThan(0);
    expect(verdict.dimensions.map((d) => d.dimension)).toEqual(DIMENSION_KEYS);
  });

  it('When a group call fails once, Then it is asked again and every dimension is still scored', async () => {
    const { verdict, requests } = await judged((request, call) => (call === 1 ? new Error('model hiccup') : honest(request, call)));
    expect(requests).toHaveLength(3);
    expect(verdict.dimensions).toHaveLength(DIMENSION_KEYS.length);
  });

  it('When a dimension stays unscored after its retry, Then only that one is missing — never invented', async () => {
    const { verdict } = await judged((request) => ({ dimensions: verdicts(asked(request).filter((k) => k !== 'valuesAlignment')), ...counts }));
    expect(verdict.dimensions.map((d) => d.dimension)).toEqual(DIMENSION_KEYS.filter((k) => k !== 'valuesAlignment'));
  });
});
