import { SCENARIO_LIBRARY } from '../../../seeds/scenarios/library';
import { DIMENSION_KEYS } from '../../../src/kernel/simulation/dimensions';
import { instantiateScenario } from '../../../src/kernel/simulation/scenarios/instantiate-scenario';
import type { ModelProvider, StructuredRequest } from '../../../src/llm/model-provider.port';
import type { SimulationDeps } from '../configuration';
import type { EpisodeState, Turn } from '../state';
import type { RawEpisodeScore } from './episode-score.schema';
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
    expect(requests[0]!.tag.prompt).toEqual({ name: 'simulation.score-episode', version: 2 });
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
