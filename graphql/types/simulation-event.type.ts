/**
 * A simulation's events as GraphQL types (no JSONObject). One event type with an enum `type`
 * and one nullable field per kind, set only on events of that kind: a client subscribing over
 * graphql-ws selects the fields it wants in one document, without union fragments.
 *
 * The payloads are written by the simulation graph (agents/simulation: plan-episodes,
 * set-scene, line-writer, score-episode) and by run-simulation (the terminal events); the
 * mapping below reads them defensively, since events logged by older versions stay in the log.
 */
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { EpisodeEnding as KernelEpisodeEnding, EpisodeScore } from '../../src/kernel/simulation/dimensions';
import type { SimulationEventMessage } from '../../src/domain/simulations/simulation-events';
import { SimulationStatus } from '../../src/domain/simulations/simulation.entity';
import { CompatibilityDimension } from './compatibility-report.type';
import { HorsemenCountsType } from './chat-score.type';
import { ConversationMeasuresType, conversationMeasuresType } from './conversation-measures.type';
import { ScenarioEventKind, ScenarioSide } from './scenario-template.type';

export enum SimulationEventKind {
  STARTED = 'STARTED',
  EPISODE_STARTED = 'EPISODE_STARTED',
  TURN = 'TURN',
  EVENT_INJECTED = 'EVENT_INJECTED',
  EPISODE_SCORED = 'EPISODE_SCORED',
  REPORT_READY = 'REPORT_READY',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(SimulationEventKind, {
  name: 'SimulationEventKind',
  description: 'What a SimulationEvent announces; the field of the same name (started, episodeStarted, turn, eventInjected, episodeScored, ended) carries its details.',
  valuesConfig: {
    STARTED: { description: 'The run was planned: `started` lists its episodes and scenarios. Sent once.' },
    EPISODE_STARTED: { description: 'An episode began: `episodeStarted` has its scene (setting, stakes, intensity).' },
    TURN: { description: 'A persona spoke: `turn` has the line.' },
    EVENT_INJECTED: { description: 'The narrator injected a scenario event: `eventInjected` has it.' },
    EPISODE_SCORED: { description: 'The judge scored an episode: `episodeScored` has the scores.' },
    REPORT_READY: { description: 'The run finished (COMPLETED, or PARTIAL when the token budget ran out) and compatibilityReport has the report: `ended`. Last event.' },
    FAILED: { description: 'The run failed: `ended.message` says why. Last event.' },
    CANCELLED: { description: 'The run was cancelled; what finished is kept: `ended`. Last event.' },
  },
});

export const EpisodeEnding = {
  MAX_TURNS: 'max-turns',
  NATURAL: 'natural',
  STALE: 'stale',
  CANCELLED: 'cancelled',
  BUDGET: 'budget',
} as const satisfies Record<string, KernelEpisodeEnding>;

registerEnumType(EpisodeEnding, {
  name: 'EpisodeEnding',
  description: 'Why an episode stopped.',
  valuesConfig: {
    MAX_TURNS: { description: 'It reached its turn limit.' },
    NATURAL: { description: 'The conversation came to a natural close.' },
    STALE: { description: 'It went in circles and was stopped.' },
    CANCELLED: { description: 'The run was cancelled during it.' },
    BUDGET: { description: 'The run’s token budget ran out during it.' },
  },
});

@ObjectType('SimulationScenarioRef', { description: 'A scenario a run plays.' })
export class SimulationScenarioRefType {
  @Field({ description: 'The scenario template id (as in scenarios).' })
  id!: string;

  @Field({ description: 'Its title.' })
  title!: string;
}

@ObjectType('SimulationStarted', { description: 'STARTED: the run’s plan.' })
export class SimulationStartedType {
  @Field(() => Int, { description: 'Episodes planned (scenarios × episodes per scenario).' })
  episodes!: number;

  @Field(() => [SimulationScenarioRefType], { description: 'The scenarios picked, in play order.' })
  scenarios!: SimulationScenarioRefType[];
}

@ObjectType('EpisodeStarted', { description: 'EPISODE_STARTED: the scene of one episode, drawn from its scenario template by the run’s seed.' })
export class EpisodeStartedType {
  @Field({ description: 'The episode’s id: the key TURN, EVENT_INJECTED and EPISODE_SCORED events of this episode carry.' })
  episodeId!: string;

  @Field(() => Int, { description: '0-based position of the episode in the run’s plan.' })
  index!: number;

  @Field({ description: 'The scenario template id.' })
  scenarioId!: string;

  @Field({ description: 'The scenario’s title.' })
  title!: string;

  @Field({ description: 'The situation, with the personas’ names filled in.' })
  premise!: string;

  @Field({ description: 'The setting drawn for this episode.' })
  setting!: string;

  @Field({ description: 'The stakes drawn for this episode.' })
  stakes!: string;

  @Field(() => Int, { description: 'Stressor intensity drawn for this episode, 1 (mild) – 5 (severe).' })
  stressorIntensity!: number;
}

@ObjectType('SimulationTurn', { description: 'TURN: one line a persona said.' })
export class SimulationTurnType {
  @Field({ description: 'The episode (EpisodeStarted.episodeId).' })
  episodeId!: string;

  @Field(() => Int, { description: 'The turn number within the episode, from 1.' })
  turn!: number;

  @Field(() => ScenarioSide, { description: 'Which side spoke.' })
  speaker!: 'self' | 'partner';

  @Field({ description: 'The speaking persona’s name.' })
  name!: string;

  @Field({ description: 'What they said.' })
  text!: string;

  @Field(() => ID, { description: 'The transcript message id (critical moments and report citations refer to it).' })
  messageId!: string;
}

@ObjectType('InjectedEvent', { description: 'EVENT_INJECTED: a scenario event the narrator dropped into the episode.' })
export class InjectedEventType {
  @Field({ description: 'The episode (EpisodeStarted.episodeId).' })
  episodeId!: string;

  @Field(() => Int, { description: 'The turn it happened before.' })
  turn!: number;

  @Field(() => ScenarioEventKind, { nullable: true, description: 'What sort of event; null when the narrator line matched no scheduled event.' })
  kind!: string | null;

  @Field({ description: 'The narrator’s line.' })
  text!: string;

  @Field(() => ID, { description: 'The transcript message id of the narrator line.' })
  messageId!: string;
}

@ObjectType('EpisodeDimensionScore', { description: 'The judge’s score of one episode on one dimension.' })
export class EpisodeDimensionScoreType {
  @Field(() => CompatibilityDimension, { description: 'The dimension (the enum value’s description says what it means).' })
  dimension!: string;

  @Field(() => Float, { description: '0–10.' })
  score!: number;

  @Field({ description: 'The judge’s reasoning (may be empty from a small offline model).' })
  reasoning!: string;

  @Field(() => [ID], { description: 'Transcript message ids (SimulationTurn.messageId) the judge cited.' })
  citedTurnIds!: string[];
}

@ObjectType('EpisodeCriticalMoment', { description: 'A turn the judge said swung a score in this episode, quoted.' })
export class EpisodeCriticalMomentType {
  @Field(() => ID, { description: 'Transcript message id of the turn.' })
  turnId!: string;

  @Field({ description: 'Who said it (the persona’s name).' })
  speaker!: string;

  @Field({ description: 'The turn’s text (up to 300 characters).' })
  quote!: string;

  @Field(() => CompatibilityDimension, { description: 'The dimension it moved.' })
  dimension!: string;

  @Field(() => Float, { description: '−10 … +10: how much it moved the dimension, by the judge’s account.' })
  impact!: number;

  @Field({ description: 'The judge’s note on why it mattered.' })
  note!: string;
}

@ObjectType('EpisodeScore', { description: 'EPISODE_SCORED: the judge’s verdict on one episode, beside the conversation measures of its transcript. The report aggregates these.' })
export class EpisodeScoreType {
  @Field({ description: 'The episode (EpisodeStarted.episodeId).' })
  episodeId!: string;

  @Field({ description: 'The scenario template id.' })
  scenarioId!: string;

  @Field({ description: 'The scenario’s title.' })
  scenarioTitle!: string;

  @Field(() => Int, { description: '0-based index of the episode within its scenario.' })
  episodeIndex!: number;

  @Field({ description: 'The episode’s seed: the same seed and models replay the same episode.' })
  seed!: string;

  @Field(() => [EpisodeDimensionScoreType], { description: 'The dimensions the judge scored; one the model left out is absent, never filled in.' })
  dimensions!: EpisodeDimensionScoreType[];

  @Field(() => HorsemenCountsType, { description: 'Gottman’s four horsemen as the judge counted them in the episode.' })
  horsemen!: HorsemenCountsType;

  @Field(() => Float, { nullable: true, description: 'Positive : negative interactions as the judge counted them (Gottman’s 5:1); null when it counted no negative one.' })
  positiveToNegativeRatio!: number | null;

  @Field(() => [EpisodeCriticalMomentType], { description: 'Turns the judge said swung a score.' })
  criticalMoments!: EpisodeCriticalMomentType[];

  @Field(() => Int, { description: 'Turns spoken.' })
  turns!: number;

  @Field(() => EpisodeEnding, { description: 'Why the episode stopped.' })
  endedBy!: string;

  @Field(() => Int, { description: 'Model tokens the episode used (playing and judging).' })
  tokens!: number;

  @Field(() => Float, { description: 'What those tokens cost, USD (configured price table).' })
  costUsd!: number;

  @Field(() => ConversationMeasuresType, {
    nullable: true,
    description: 'Conversation measures of the transcript (no model; cites transcript message ids); null for episodes scored before the measures existed.',
  })
  measures!: ConversationMeasuresType | null;
}

@ObjectType('SimulationEnded', { description: 'REPORT_READY, FAILED or CANCELLED: how the run ended. No event follows.' })
export class SimulationEndedType {
  @Field(() => SimulationStatus, { description: 'The run’s final status.' })
  status!: SimulationStatus;

  @Field({ description: 'True when the report covers only part of the plan (budget ran out, or cancelled after some episodes).' })
  partial!: boolean;

  @Field(() => Int, { nullable: true, description: 'REPORT_READY: episodes the report rests on.' })
  episodes!: number | null;

  @Field(() => String, { nullable: true, description: 'FAILED: why, for people.' })
  message!: string | null;
}

@ObjectType('SimulationEvent', {
  description: 'An event of a run, numbered per simulation by `seq` (resume with afterSeq). `type` says which one of the detail fields is set; the others are null.',
})
export class SimulationEventType {
  @Field(() => Int, { description: '1, 2, 3… per simulation, without gaps: reconnect with the last seq you saw as afterSeq.' })
  seq!: number;

  @Field(() => SimulationEventKind, { description: 'What happened.' })
  type!: SimulationEventKind;

  @Field({ description: 'When the event was logged.' })
  at!: Date;

  @Field(() => SimulationStartedType, { nullable: true, description: 'STARTED only.' })
  started!: SimulationStartedType | null;

  @Field(() => EpisodeStartedType, { nullable: true, description: 'EPISODE_STARTED only.' })
  episodeStarted!: EpisodeStartedType | null;

  @Field(() => SimulationTurnType, { nullable: true, description: 'TURN only.' })
  turn!: SimulationTurnType | null;

  @Field(() => InjectedEventType, { nullable: true, description: 'EVENT_INJECTED only.' })
  eventInjected!: InjectedEventType | null;

  @Field(() => EpisodeScoreType, { nullable: true, description: 'EPISODE_SCORED only.' })
  episodeScored!: EpisodeScoreType | null;

  @Field(() => SimulationEndedType, { nullable: true, description: 'REPORT_READY, FAILED and CANCELLED only.' })
  ended!: SimulationEndedType | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const KNOWN_EVENT_KINDS = new Set<string>(Object.values(ScenarioEventKind));
const KNOWN_ENDINGS = new Set<string>(Object.values(EpisodeEnding));

function episodeScoreType(score: EpisodeScore): EpisodeScoreType {
  return {
    ...score,
    // An ending this version does not know would fail serialisation of the whole event.
    endedBy: KNOWN_ENDINGS.has(score.endedBy) ? score.endedBy : EpisodeEnding.MAX_TURNS,
    measures: score.measures ? conversationMeasuresType(score.measures) : null,
  };
}

/** A logged event as the GraphQL type: the payload goes to the field of its kind. */
export function simulationEventType(event: SimulationEventMessage): SimulationEventType {
  const p = event.payload;
  const out: SimulationEventType = {
    seq: event.seq,
    type: event.type as SimulationEventKind,
    at: new Date(event.at),
    started: null,
    episodeStarted: null,
    turn: null,
    eventInjected: null,
    episodeScored: null,
    ended: null,
  };
  switch (event.type) {
    case 'STARTED':
      out.started = {
        episodes: num(p.episodes),
        scenarios: Array.isArray(p.scenarios) ? (p.scenarios as { id: unknown; title: unknown }[]).map((s) => ({ id: str(s.id), title: str(s.title) })) : [],
      };
      break;
    case 'EPISODE_STARTED':
      out.episodeStarted = {
        episodeId: str(p.episodeId),
        index: num(p.index),
        scenarioId: str(p.scenarioId),
        title: str(p.title),
        premise: str(p.premise),
        setting: str(p.setting),
        stakes: str(p.stakes),
        stressorIntensity: num(p.stressorIntensity),
      };
      break;
    case 'TURN':
      out.turn = {
        episodeId: str(p.episodeId),
        turn: num(p.turn),
        speaker: p.speaker === 'partner' ? 'partner' : 'self',
        name: str(p.name),
        text: str(p.text),
        messageId: str(p.messageId),
      };
      break;
    case 'EVENT_INJECTED':
      out.eventInjected = {
        episodeId: str(p.episodeId),
        turn: num(p.turn),
        kind: typeof p.kind === 'string' && KNOWN_EVENT_KINDS.has(p.kind) ? p.kind : null,
        text: str(p.text),
        messageId: str(p.messageId),
      };
      break;
    case 'EPISODE_SCORED':
      out.episodeScored = episodeScoreType(p.score as EpisodeScore);
      break;
    case 'REPORT_READY':
    case 'FAILED':
    case 'CANCELLED':
      out.ended = {
        status: p.status as SimulationStatus,
        partial: p.partial === true,
        episodes: typeof p.episodes === 'number' ? p.episodes : null,
        message: typeof p.message === 'string' ? p.message : null,
      };
      break;
  }
  return out;
}
