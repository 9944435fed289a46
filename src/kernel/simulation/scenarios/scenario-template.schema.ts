import { z } from 'zod';
import { ValidationError } from '../../errors';
import { unknownPlaceholders } from './placeholders';

/**
 * A scenario template: a relationship situation with the parameters the scenario-generator
 * varies per episode (setting, stressor intensity, stakes, private goals, events). Templates
 * from the seeded library and templates users or analysts add go through this one schema, so
 * every string and array is bounded: a template ends up in prompts and in a JSON column.
 */
export const SCENARIO_CATEGORIES = [
  'first-date',
  'trip-planning',
  'money',
  'meeting-family',
  'jealousy',
  'long-distance',
  'career-move',
  'crisis',
  'chores',
  'future-plans',
  'repair',
  'good-news',
  'custom',
] as const;
export type ScenarioCategory = (typeof SCENARIO_CATEGORIES)[number];

export const SCENARIO_EVENT_KINDS = ['late-reply', 'phone-call', 'friend-remark', 'news', 'interruption', 'time-skip'] as const;
export type ScenarioEventKind = (typeof SCENARIO_EVENT_KINDS)[number];

export const SCENARIO_LIMITS = {
  idChars: 64,
  titleChars: 120,
  premiseChars: 2000,
  /** One setting or one stakes alternative. */
  alternativeChars: 400,
  goalChars: 500,
  eventChars: 400,
  openingLineChars: 500,
  /** Alternatives per list (settings, stakes, each side's goals). */
  maxAlternatives: 8,
  maxEvents: 12,
  maxEventWeight: 100,
  minIntensity: 1,
  maxIntensity: 5,
  minTurns: 6,
  maxTurns: 40,
  defaultMaxTurns: 12,
  maxLanguageHints: 4,
} as const;

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// BCP 47 in the shape people write it: "en", "zh-CN", "zh-Hant-TW".
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** Trimmed, non-empty, bounded text with no stray placeholders. */
function text(max: number) {
  return (
    z
      .string()
      .trim()
      .min(1)
      .max(max)
      // PostgreSQL text and jsonb cannot hold U+0000.
      .refine((s) => !s.includes('\u0000'), 'must not contain U+0000')
      .superRefine((s, ctx) => {
        const unknown = unknownPlaceholders(s);
        if (unknown.length > 0) {
          ctx.addIssue({ code: 'custom', message: `unknown placeholder ${unknown[0]}: only {{self}} and {{partner}} are filled in` });
        }
      })
  );
}

/** Alternatives the generator picks one of per episode. */
function alternatives(maxChars: number) {
  return z.array(text(maxChars)).min(1).max(SCENARIO_LIMITS.maxAlternatives);
}

const intensity = z.number().int().min(SCENARIO_LIMITS.minIntensity).max(SCENARIO_LIMITS.maxIntensity);

export const scenarioEventSchema = z.strictObject({
  kind: z.enum(SCENARIO_EVENT_KINDS),
  description: text(SCENARIO_LIMITS.eventChars),
  /** Relative likelihood among the template's events; only ratios matter. */
  weight: z.number().positive().max(SCENARIO_LIMITS.maxEventWeight),
});

export const scenarioTemplateSchema = z.strictObject({
  id: z.string().min(1).max(SCENARIO_LIMITS.idChars).regex(KEBAB_CASE, 'must be kebab-case (a-z, 0-9, single hyphens)'),
  title: text(SCENARIO_LIMITS.titleChars),
  category: z.enum(SCENARIO_CATEGORIES),
  setting: alternatives(SCENARIO_LIMITS.alternativeChars),
  /** Shared by both sides; `{{self}}` and `{{partner}}` become the personas' names. */
  premise: text(SCENARIO_LIMITS.premiseChars),
  stressorIntensity: z
    .strictObject({ min: intensity, max: intensity })
    .refine((r) => r.min <= r.max, { message: 'min must not exceed max', path: ['max'] }),
  stakes: alternatives(SCENARIO_LIMITS.alternativeChars),
  /** Each side is shown only its own goal, never the other's. */
  privateGoals: z.strictObject({
    self: alternatives(SCENARIO_LIMITS.goalChars),
    partner: alternatives(SCENARIO_LIMITS.goalChars),
  }),
  events: z.array(scenarioEventSchema).max(SCENARIO_LIMITS.maxEvents).default([]),
  openingLine: z
    .strictObject({
      speaker: z.enum(['self', 'partner']),
      text: text(SCENARIO_LIMITS.openingLineChars),
    })
    .optional(),
  maxTurns: z.number().int().min(SCENARIO_LIMITS.minTurns).max(SCENARIO_LIMITS.maxTurns).default(SCENARIO_LIMITS.defaultMaxTurns),
  /**
   * Languages the conversation would naturally happen in (BCP 47), e.g. ["zh-CN"] for a
   * Spring Festival visit. A hint only: each persona still speaks its own language.
   */
  languageHints: z.array(z.string().regex(LANGUAGE_TAG, 'must be a BCP 47 tag such as "en" or "zh-CN"')).min(1).max(SCENARIO_LIMITS.maxLanguageHints).optional(),
});

/** A validated template (defaults applied). */
export type ScenarioTemplate = z.output<typeof scenarioTemplateSchema>;
/** What an author writes: `events` and `maxTurns` may be left out. */
export type ScenarioTemplateInput = z.input<typeof scenarioTemplateSchema>;
export type ScenarioEvent = ScenarioTemplate['events'][number];

/** A template that fails the schema; `field` names the first offending path, e.g. `template.events[2].weight`. */
export class InvalidScenarioTemplateError extends ValidationError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(path, `${path}: ${reason}`);
  }
}

/** Validates a user- or analyst-supplied template; throws InvalidScenarioTemplateError. */
export function parseScenarioTemplate(input: unknown, field = 'template'): ScenarioTemplate {
  const parsed = scenarioTemplateSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new InvalidScenarioTemplateError(formatPath(field, issue.path), issue.message);
}

function formatPath(root: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`), root);
}
