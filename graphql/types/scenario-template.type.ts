/**
 * Scenario templates as GraphQL types (no JSONObject). The shape mirrors the kernel's zod
 * schema (src/kernel/simulation/scenarios/scenario-template.schema.ts), which stays the one
 * validator: the input types only give clients a typed document, and the domain parses what
 * arrives with the same schema (a bad template is VALIDATION_FAILED with the field path).
 *
 * The closed sets are GraphQL enums whose internal values are the kernel's kebab-case strings,
 * so stored templates pass through unchanged and SCREAMING_CASE exists only on the wire.
 */
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  SCENARIO_LIMITS,
  type ScenarioCategory as KernelCategory,
  type ScenarioEventKind as KernelEventKind,
  type ScenarioTemplate,
} from '../../src/kernel/simulation/scenarios/scenario-template.schema';

/** GraphQL name → the kernel's value; `satisfies` makes the compiler check every value is a kernel one. */
export const ScenarioCategory = {
  FIRST_DATE: 'first-date',
  TRIP_PLANNING: 'trip-planning',
  MONEY: 'money',
  MEETING_FAMILY: 'meeting-family',
  JEALOUSY: 'jealousy',
  LONG_DISTANCE: 'long-distance',
  CAREER_MOVE: 'career-move',
  CRISIS: 'crisis',
  CHORES: 'chores',
  FUTURE_PLANS: 'future-plans',
  REPAIR: 'repair',
  GOOD_NEWS: 'good-news',
  CUSTOM: 'custom',
} as const satisfies Record<string, KernelCategory>;

registerEnumType(ScenarioCategory, {
  name: 'ScenarioCategory',
  description: 'The kind of relationship situation a scenario stages; reports group scores by scenario, not by category.',
  valuesConfig: {
    FIRST_DATE: { description: 'Meeting in person for the first time, or an early date.' },
    TRIP_PLANNING: { description: 'Planning a trip or holiday together.' },
    MONEY: { description: 'Sharing costs, spending and financial decisions.' },
    MEETING_FAMILY: { description: 'Meeting or visiting each other’s family.' },
    JEALOUSY: { description: 'Jealousy, exes, attention to or from others.' },
    LONG_DISTANCE: { description: 'Living apart and keeping in touch.' },
    CAREER_MOVE: { description: 'A job offer, move or career decision that affects both.' },
    CRISIS: { description: 'An emergency or hard news one of them must deal with.' },
    CHORES: { description: 'Housework and the mental load of running a home.' },
    FUTURE_PLANS: { description: 'Moving in, marriage, children and other long-term plans.' },
    REPAIR: { description: 'Making up after a fight or a hurt.' },
    GOOD_NEWS: { description: 'Sharing a success: does the other celebrate it?' },
    CUSTOM: { description: 'Anything else (the usual choice for scenarios you add).' },
  },
});

export const ScenarioEventKind = {
  LATE_REPLY: 'late-reply',
  PHONE_CALL: 'phone-call',
  FRIEND_REMARK: 'friend-remark',
  NEWS: 'news',
  INTERRUPTION: 'interruption',
  TIME_SKIP: 'time-skip',
} as const satisfies Record<string, KernelEventKind>;

registerEnumType(ScenarioEventKind, {
  name: 'ScenarioEventKind',
  description: 'What sort of outside event the narrator drops into an episode.',
  valuesConfig: {
    LATE_REPLY: { description: 'One of them takes a long time to answer.' },
    PHONE_CALL: { description: 'A call from someone else interrupts.' },
    FRIEND_REMARK: { description: 'A friend, relative or coworker says something that lands.' },
    NEWS: { description: 'News arrives that changes the situation.' },
    INTERRUPTION: { description: 'Something around them breaks the flow of the conversation.' },
    TIME_SKIP: { description: 'Time passes (later that evening, the next day).' },
  },
});

/** Who speaks, from the run's point of view: the SELF persona or the PARTNER persona. */
export const ScenarioSide = { SELF: 'self', PARTNER: 'partner' } as const satisfies Record<string, 'self' | 'partner'>;

registerEnumType(ScenarioSide, {
  name: 'ScenarioSide',
  description: 'One side of a simulated pair.',
  valuesConfig: {
    SELF: { description: 'The SELF persona (the user’s own side).' },
    PARTNER: { description: 'The PARTNER persona.' },
  },
});

const PLACEHOLDERS = '`{{self}}` and `{{partner}}` are replaced by the personas’ names.';

@ObjectType('IntensityRange', { description: `How strong the scenario’s stressor is, ${SCENARIO_LIMITS.minIntensity} (mild) to ${SCENARIO_LIMITS.maxIntensity} (severe); each episode picks a level in the range.` })
export class IntensityRangeType {
  @Field(() => Int, { description: 'Lowest level an episode may use.' })
  min!: number;

  @Field(() => Int, { description: 'Highest level an episode may use (at least min).' })
  max!: number;
}

@ObjectType('ScenarioPrivateGoals', { description: 'What each side secretly wants from the situation. Each agent is shown one of its own side’s goals, never the other side’s.' })
export class ScenarioPrivateGoalsType {
  @Field(() => [String], { description: `Alternatives for the SELF persona; an episode uses one. ${PLACEHOLDERS}` })
  self!: string[];

  @Field(() => [String], { description: `Alternatives for the PARTNER persona; an episode uses one. ${PLACEHOLDERS}` })
  partner!: string[];
}

@ObjectType('ScenarioEvent', { description: 'An outside event the narrator may inject during an episode.' })
export class ScenarioEventType {
  @Field(() => ScenarioEventKind, { description: 'What sort of event it is.' })
  kind!: KernelEventKind;

  @Field({ description: `What happens, as the narrator tells it. ${PLACEHOLDERS}` })
  description!: string;

  @Field(() => Float, { description: 'How likely it is relative to the template’s other events (only the ratios matter).' })
  weight!: number;
}

@ObjectType('ScenarioOpeningLine', { description: 'A fixed first message that starts every episode of the scenario.' })
export class ScenarioOpeningLineType {
  @Field(() => ScenarioSide, { description: 'Which side says it.' })
  speaker!: 'self' | 'partner';

  @Field({ description: `The message. ${PLACEHOLDERS}` })
  text!: string;
}

@ObjectType('ScenarioTemplate', {
  description:
    'A relationship situation simulations play, with the parameters that vary per episode (setting, stressor intensity, stakes, private goals, events). Name it in StartSimulationInput.scenarioIds.',
})
export class ScenarioTemplateType {
  @Field({ description: 'Stable kebab-case id (a-z, 0-9, single hyphens), unique among the built-in scenarios and yours.' })
  id!: string;

  @Field({ description: 'A short title for lists and reports.' })
  title!: string;

  @Field(() => ScenarioCategory, { description: 'The kind of situation.' })
  category!: KernelCategory;

  @Field(() => [String], { description: 'Places or circumstances it may happen in; an episode uses one.' })
  setting!: string[];

  @Field({ description: `The situation both sides know. ${PLACEHOLDERS}` })
  premise!: string;

  @Field(() => IntensityRangeType, { description: 'The range of stressor intensity episodes are played at.' })
  stressorIntensity!: IntensityRangeType;

  @Field(() => [String], { description: 'What is at stake; an episode uses one.' })
  stakes!: string[];

  @Field(() => ScenarioPrivateGoalsType, { description: 'Each side’s secret goal alternatives.' })
  privateGoals!: ScenarioPrivateGoalsType;

  @Field(() => [ScenarioEventType], { description: 'Events the narrator may inject; empty: none.' })
  events!: ScenarioEventType[];

  @Field(() => ScenarioOpeningLineType, { nullable: true, description: 'A fixed first message; null: the scene writer decides how it starts.' })
  openingLine!: ScenarioOpeningLineType | null;

  @Field(() => Int, { description: `Most turns an episode plays (${SCENARIO_LIMITS.minTurns}–${SCENARIO_LIMITS.maxTurns}); a run’s own maxTurns can shorten it.` })
  maxTurns!: number;

  @Field(() => [String], {
    nullable: true,
    description: 'Languages the conversation would naturally happen in (BCP 47 tags such as "zh-CN"). A hint only: each persona still speaks its own language. Null: no hint.',
  })
  languageHints!: string[] | null;
}

/** A validated template as the GraphQL type (optional parts as null). */
export function scenarioTemplateType(t: ScenarioTemplate): ScenarioTemplateType {
  return { ...t, openingLine: t.openingLine ?? null, languageHints: t.languageHints ?? null };
}

@InputType('IntensityRangeInput', { description: `A range of stressor intensity, ${SCENARIO_LIMITS.minIntensity}–${SCENARIO_LIMITS.maxIntensity}.` })
export class IntensityRangeInput {
  @Field(() => Int, { description: `Lowest level (${SCENARIO_LIMITS.minIntensity}–${SCENARIO_LIMITS.maxIntensity}).` })
  min!: number;

  @Field(() => Int, { description: `Highest level (${SCENARIO_LIMITS.minIntensity}–${SCENARIO_LIMITS.maxIntensity}, at least min).` })
  max!: number;
}

@InputType('ScenarioPrivateGoalsInput', { description: 'Secret goal alternatives for each side.' })
export class ScenarioPrivateGoalsInput {
  @Field(() => [String], { description: `1–${SCENARIO_LIMITS.maxAlternatives} goals for the SELF persona, each up to ${SCENARIO_LIMITS.goalChars} characters.` })
  self!: string[];

  @Field(() => [String], { description: `1–${SCENARIO_LIMITS.maxAlternatives} goals for the PARTNER persona, each up to ${SCENARIO_LIMITS.goalChars} characters.` })
  partner!: string[];
}

@InputType('ScenarioEventInput', { description: 'An outside event the narrator may inject.' })
export class ScenarioEventInput {
  @Field(() => ScenarioEventKind, { description: 'What sort of event it is.' })
  kind!: KernelEventKind;

  @Field({ description: `What happens, up to ${SCENARIO_LIMITS.eventChars} characters.` })
  description!: string;

  @Field(() => Float, { description: `Relative likelihood, greater than 0 and at most ${SCENARIO_LIMITS.maxEventWeight}.` })
  weight!: number;
}

@InputType('ScenarioOpeningLineInput', { description: 'A fixed first message.' })
export class ScenarioOpeningLineInput {
  @Field(() => ScenarioSide, { description: 'Which side says it.' })
  speaker!: 'self' | 'partner';

  @Field({ description: `The message, up to ${SCENARIO_LIMITS.openingLineChars} characters.` })
  text!: string;
}

@InputType('ScenarioTemplateInput', {
  description: `A scenario template of your own. Texts are trimmed and must not be empty; only the placeholders {{self}} and {{partner}} are allowed. A template that breaks a rule is VALIDATION_FAILED with the offending path in extensions.field (e.g. "template.events[2].weight").`,
})
export class ScenarioTemplateInput {
  @Field({ description: `Kebab-case id, up to ${SCENARIO_LIMITS.idChars} characters; must not be a built-in scenario’s or another of yours.` })
  id!: string;

  @Field({ description: `Up to ${SCENARIO_LIMITS.titleChars} characters.` })
  title!: string;

  @Field(() => ScenarioCategory, { description: 'The kind of situation (CUSTOM if none fits).' })
  category!: KernelCategory;

  @Field(() => [String], { description: `1–${SCENARIO_LIMITS.maxAlternatives} settings, each up to ${SCENARIO_LIMITS.alternativeChars} characters.` })
  setting!: string[];

  @Field({ description: `The situation both sides know, up to ${SCENARIO_LIMITS.premiseChars} characters.` })
  premise!: string;

  @Field(() => IntensityRangeInput, { description: 'The stressor intensity range.' })
  stressorIntensity!: IntensityRangeInput;

  @Field(() => [String], { description: `1–${SCENARIO_LIMITS.maxAlternatives} stakes, each up to ${SCENARIO_LIMITS.alternativeChars} characters.` })
  stakes!: string[];

  @Field(() => ScenarioPrivateGoalsInput, { description: 'Each side’s secret goals.' })
  privateGoals!: ScenarioPrivateGoalsInput;

  @Field(() => [ScenarioEventInput], { nullable: true, description: `Up to ${SCENARIO_LIMITS.maxEvents} events; left out: none.` })
  events?: ScenarioEventInput[] | null;

  @Field(() => ScenarioOpeningLineInput, { nullable: true, description: 'A fixed first message; left out: the scene writer decides.' })
  openingLine?: ScenarioOpeningLineInput | null;

  @Field(() => Int, { nullable: true, description: `Most turns per episode, ${SCENARIO_LIMITS.minTurns}–${SCENARIO_LIMITS.maxTurns}; left out: ${SCENARIO_LIMITS.defaultMaxTurns}.` })
  maxTurns?: number | null;

  @Field(() => [String], { nullable: true, description: `1–${SCENARIO_LIMITS.maxLanguageHints} BCP 47 language tags ("en", "zh-CN"); left out: no hint.` })
  languageHints?: string[] | null;
}

/**
 * The input as the plain object the kernel schema parses: nulls and absent fields dropped (the
 * schema's optional fields and defaults mean "left out"), class instances flattened so its
 * strict objects see only the template's own keys.
 */
export function scenarioTemplateDocument(input: ScenarioTemplateInput): Record<string, unknown> {
  return withoutNulls(input) as Record<string, unknown>;
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== null && v !== undefined) out[key] = withoutNulls(v);
  return out;
}
