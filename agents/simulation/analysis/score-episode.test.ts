import { SCENARIO_LIBRARY } from '../../../seeds/scenarios/library';
import { DIMENSION_KEYS } from '../../../src/kernel/simulation/dimensions';
import { instantiateScenario } from '../../../src/kernel/simulation/scenarios/instantiate-scenario';
import type { DistributionRequest, ModelProvider, StructuredRequest } from '../../../src/ports/model-provider.port';
import type { SimulationDeps } from '../configuration';
import type { EpisodeState, Turn } from '../state';
import type { RawEpisodeScore } from './episode-score.schema';
import { judgeTranscript } from './judge-transcript';
import { BALANCED_QUESTIONS } from './prompts';
import { scoreEpisode } from './score-episode';

const TURNS: Turn[] = [
  { id: 'n-1', turn: 0, speaker: 'narrator', name: 'Narrator', text: 'Mei’s phone rings: her sister.' },
  { id: 'a-1', turn: 1, speaker: 'self', name: 'Alex', text: 'Sorry, can we talk about the rent?' },
  { id: 'm-1', turn: 2, speaker: 'partner', name: 'Mei', text: 'Sure! What worries you?' },
  { id: 'a-2', turn: 3, speaker: 'self', name: 'Alex', text: 'Half is a lot for me. Thank you for listening, haha.' },
];

function setup(answer: RawEpisodeScore, scoreDetail: 'full' | 'brief' = 'full', turns = TURNS) {
  const requests: StructuredRequest[] = [];
  const emitted: unknown[] = [];
  const llm = {
    structured: async (request: StructuredRequest) => {
      requests.push(request);
      return { value: answer, model: 'judge-model', usage: { promptTokens: 100, completionTokens: 50 }, cached: false };
    },
    distribution: async () => ({ probabilities: [0.8, 0.2], mass: 0.7, model: 'judge-model', usage: { promptTokens: 100, completionTokens: 1 }, cached: false }),
  } as unknown as ModelProvider;
  const deps = {
    llm,
    run: { ownerId: 'u-1', self: { name: 'Alex' }, partner: { name: 'Mei' } },
    emit: async (_type: string, payload: unknown) => void emitted.push(payload),
    smallModel: scoreDetail === 'brief',
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
    const { run, requests } = setup(answer({ criticalMoments: [{ turn: 't40', dimension: 'humorAndWarmth', impact: 2, note: 'n' }, { turn: 't1', dimension: 'humorAndWarmth', impact: 2, note: 'n' }] }), 'brief', long);
    const { score } = await run();
    const prompt = requests[0]!.messages[0]!.content;
    expect(prompt).toMatch(/\(\d+ earlier lines left out\)/);
    expect(prompt).toContain('t40 Mei: line 40');
    expect(prompt).not.toContain('t1 Alex');
    // A ref to a line the judge did not see is not a citation.
    expect(score.criticalMoments.map((m) => m.turnId)).toEqual(['x-40']);
    expect(score.dimensions).toHaveLength(DIMENSION_KEYS.length);
    expect(score.measures!.messages).toBe(40);
  });
});

describe('scoreEpisode when the measures fail', () => {
  it('When the measures throw, Then the judge’s request, already out, is aborted and not retried, nothing is emitted, and the episode fails with the measures’ error', async () => {
    const requests: StructuredRequest[] = [];
    const emitted: unknown[] = [];
    // A judge that answers only when the model does: its request goes out (onSending, as the provider calls it),
    // and it settles when the request is aborted, as the provider's does.
    const llm = {
      structured: (request: StructuredRequest) =>
        new Promise((_, reject) => {
          requests.push(request);
          request.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
          request.onSending?.();
        }),
    } as unknown as ModelProvider;
    // A bug in the measures, provoked here by a persona name that is not text (the judge's prompt takes it as it is).
    const deps = {
      llm,
      run: { ownerId: 'u-1', self: { name: 42 }, partner: { name: 'Mei' } },
      emit: async (_type: string, payload: unknown) => void emitted.push(payload),
      smallModel: false,
      costOf: () => 0.5,
    } as unknown as SimulationDeps;
    const template = SCENARIO_LIBRARY[0]!;
    const scenario = instantiateScenario(template, { seed: 's', episodeIndex: 0, selfName: 'Alex', partnerName: 'Mei' });
    const episode: EpisodeState = { episodeId: 'e-1', scenario, turn: 3, turns: TURNS, staleTurns: 0, endSignals: { self: true, partner: true } };
    await expect(scoreEpisode(deps, episode, { templateId: template.id, episodeIndex: 0 })).rejects.toThrow(TypeError);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.signal?.aborted).toBe(true);
    expect(emitted).toEqual([]);
  });
});

describe('judgeTranscript on a small model (brief): scores from answer probabilities, counts asked alone', () => {
  type Answer = { probabilities: number[]; mass: number } | Error;
  const judged = async (probe: (request: DistributionRequest) => Answer, counts: (call: number) => unknown = () => COUNTS) => {
    const structured: StructuredRequest[] = [];
    const questions: DistributionRequest[] = [];
    const llm = {
      structured: async (request: StructuredRequest) => {
        structured.push(request);
        const value = counts(structured.length);
        if (value instanceof Error) throw value;
        return { value, model: 'tiny', usage: { promptTokens: 100, completionTokens: 50 }, cached: false };
      },
      distribution: async (request: DistributionRequest) => {
        questions.push(request);
        const answer = probe(request);
        if (answer instanceof Error) throw answer;
        return { ...answer, model: 'tiny', usage: { promptTokens: 100, completionTokens: 1 }, cached: false };
      },
    } as unknown as ModelProvider;
    const { verdict, usage } = await judgeTranscript(llm, { self: 'Alex', partner: 'Mei', scene: 'A flat.', goals: 'none', lines: TURNS, detail: 'brief' }, { agent: 'analysis', node: 'score-episode', purpose: 'test' });
    return { verdict, usage, structured, questions };
  };
  const COUNTS = { horsemen: { criticism: 1, contempt: 0, defensiveness: 0, stonewalling: 0 }, positiveInteractions: 4, negativeInteractions: 2, criticalMoments: [] };
  const sawTranscript = (request: DistributionRequest) => request.messages[0]!.content.includes('Mei: Sure! What worries you?');
  const reverseKeyed = (request: DistributionRequest) => Object.values(BALANCED_QUESTIONS).some((q) => request.messages[0]!.content.includes(q.disagree.replaceAll('{{self}}', 'Alex').replaceAll('{{partner}}', 'Mei')));
  /** Says "yes" to almost anything; with the transcript a little more to the positive questions and a little less to the reverse-keyed ones. */
  const yesSayer = (request: DistributionRequest) => {
    const lean = !sawTranscript(request) ? 0 : reverseKeyed(request) ? -0.03 : 0.03;
    return { probabilities: [0.94 + lean, 0.06 - lean], mass: 0.7 };
  };

  it('When the model answers every question, Then every dimension has a score, the transcript questions come before the content-free ones, and the counts are asked once with no dimensions', async () => {
    const { verdict, structured, questions, usage } = await judged(yesSayer);
    expect(verdict.dimensions.map((d) => d.dimension)).toEqual(DIMENSION_KEYS);
    expect(questions).toHaveLength(4 * DIMENSION_KEYS.length);
    expect(questions.map(sawTranscript)).toEqual([...Array(20).fill(true), ...Array(20).fill(false)]);
    expect(questions[20]!.messages[0]!.content).toContain('Transcript:\nN/A\n');
    expect(questions.every((q) => q.options.join() === 'yes,no')).toBe(true);
    expect(structured).toHaveLength(1);
    expect(Object.keys((structured[0]!.schema as { properties: object }).properties)).not.toContain('dimensions');
    expect(verdict.horsemen.criticism).toBe(1);
    expect(verdict.positiveToNegativeRatio).toBe(2);
    expect(usage).toEqual({ promptTokens: 40 * 100 + 100, completionTokens: 40 + 50 });
    // The reasoning says where the score came from; nothing is cited.
    expect(verdict.dimensions[0]!.reasoning).toMatch(/answer probabilities/);
    expect(verdict.dimensions.every((d) => d.citedIds.length === 0)).toBe(true);
  });

  it('When the transcript moves the answers (even a model that says "yes" to nearly anything), Then the calibrated scores rise above the middle; when it does not, they sit at 5', async () => {
    const moved = await judged(yesSayer);
    expect(moved.verdict.dimensions.every((d) => d.score > 5 && d.score <= 10)).toBe(true);
    const flat = await judged(() => ({ probabilities: [0.95, 0.05], mass: 0.7 }));
    expect(flat.verdict.dimensions.every((d) => d.score === 5)).toBe(true);
  });

  it('When the model puts nothing on yes or no for a question, Then that dimension is left out — never invented', async () => {
    const { verdict } = await judged((request) => (request.messages[0]!.content.includes('share the same values') ? { probabilities: [0.5, 0.5], mass: 0 } : yesSayer(request)));
    expect(verdict.dimensions.map((d) => d.dimension)).toEqual(DIMENSION_KEYS.filter((k) => k !== 'valuesAlignment'));
  });

  it('When the judge is aborted mid-way, Then no further question is asked and it fails', async () => {
    const abort = new AbortController();
    const asked: DistributionRequest[] = [];
    const llm = {
      structured: async () => ({ value: COUNTS, model: 'tiny', usage: { promptTokens: 100, completionTokens: 50 }, cached: false }),
      distribution: async (request: DistributionRequest) => {
        asked.push(request);
        if (asked.length === 3) abort.abort();
        return { probabilities: [0.9, 0.1], mass: 0.7, model: 'tiny', usage: { promptTokens: 100, completionTokens: 1 }, cached: false };
      },
    } as unknown as ModelProvider;
    const judging = judgeTranscript(llm, { self: 'Alex', partner: 'Mei', scene: 'A flat.', goals: 'none', lines: TURNS, detail: 'brief' }, { agent: 'analysis', node: 'score-episode', purpose: 'test' }, { signal: abort.signal });
    await expect(judging).rejects.toThrow();
    expect(asked).toHaveLength(3);
    expect(asked.every((q) => q.signal === abort.signal)).toBe(true);
  });

  it('When the counts call fails once, Then it is asked again; when a question fails, the judge fails (no score is invented)', async () => {
    const { verdict, structured } = await judged(yesSayer, (call) => (call === 1 ? new Error('model hiccup') : COUNTS));
    expect(structured).toHaveLength(2);
    expect(verdict.horsemen.criticism).toBe(1);
    await expect(judged(() => new Error('model down'))).rejects.toThrow('model down');
  });
});
