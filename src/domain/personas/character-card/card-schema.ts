import { z } from 'zod';

/**
 * Size bounds for imported cards. Persona fields follow the persona input rules (name 80,
 * gender 40, relationship 120, lists of 30 items × 80 chars, age 16–120) so an imported card
 * can always become a persona; card-only text gets room for the long descriptions
 * role-play cards carry.
 */
export const CARD_LIMITS = {
  name: 80,
  text: 20_000,
  mesExample: 50_000,
  greetings: 50,
  tags: 100,
  tag: 100,
  shortText: 200,
  samples: 50,
  sample: 4_000,
  gender: 40,
  relationshipContext: 120,
  listItems: 30,
  listItem: 80,
} as const;

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
/** Cards in the wild often leave out fields the spec requires; missing text reads as empty. */
const optionalText = (max: number) => text(max).default('');
const extensions = z.record(z.string(), z.unknown()).default({});

export const cardNameSchema = text(CARD_LIMITS.name).refine((s) => s.trim() !== '', 'must not be empty');

/** V1 (TavernAI): six flat fields; SillyTavern adds more beside them, which are ignored. */
export const cardV1Schema = z.object({
  name: cardNameSchema,
  description: optionalText(CARD_LIMITS.text),
  personality: optionalText(CARD_LIMITS.text),
  scenario: optionalText(CARD_LIMITS.text),
  first_mes: optionalText(CARD_LIMITS.text),
  mes_example: optionalText(CARD_LIMITS.mesExample),
});

/**
 * The lorebook is checked for shape only: SoulLink does not keep it, and its entries carry
 * many tool-specific fields.
 */
const characterBookSchema = z.looseObject({
  entries: z.array(z.looseObject({ keys: z.array(z.string()), content: z.string() })).max(10_000),
});

export const cardV2DataSchema = cardV1Schema.extend({
  creator_notes: optionalText(CARD_LIMITS.text),
  system_prompt: optionalText(CARD_LIMITS.text),
  post_history_instructions: optionalText(CARD_LIMITS.text),
  alternate_greetings: z
    .array(text(CARD_LIMITS.text))
    .max(CARD_LIMITS.greetings, `at most ${CARD_LIMITS.greetings} greetings`)
    .default([]),
  character_book: characterBookSchema.optional(),
  tags: z.array(text(CARD_LIMITS.tag)).max(CARD_LIMITS.tags, `at most ${CARD_LIMITS.tags} tags`).default([]),
  creator: optionalText(CARD_LIMITS.shortText),
  character_version: optionalText(CARD_LIMITS.shortText),
  extensions,
});

/** V3 cards keep the V2 data fields and add their own, so they import the same way. */
export const cardV2Schema = z.object({
  spec: z.enum(['chara_card_v2', 'chara_card_v3']),
  spec_version: z.string().max(20).optional(),
  data: cardV2DataSchema,
});

const listItem = text(CARD_LIMITS.listItem).refine((s) => s.trim() !== '', 'items must not be empty');
const list = z.array(listItem).max(CARD_LIMITS.listItems, `at most ${CARD_LIMITS.listItems} items`);

export const SOULLINK_EXTENSION_KEY = 'soullink';
export const SOULLINK_EXTENSION_VERSION = 1;

/**
 * `data.extensions.soullink`: the persona exactly as SoulLink had it, so a card exported and
 * imported again loses nothing the standard fields cannot hold (age, values, dealbreakers…).
 */
export const soulLinkExtensionSchema = z.object({
  version: z.literal(SOULLINK_EXTENSION_VERSION),
  age: z.number().int('must be a whole number').min(16).max(120).nullable(),
  gender: text(CARD_LIMITS.gender).nullable(),
  relationshipContext: text(CARD_LIMITS.relationshipContext).nullable(),
  description: text(CARD_LIMITS.text),
  interests: list,
  values: list,
  goals: list,
  dealbreakers: list,
  personalitySummary: text(CARD_LIMITS.text).nullable(),
  speakingSamples: z
    .array(text(CARD_LIMITS.sample))
    .max(CARD_LIMITS.samples, `at most ${CARD_LIMITS.samples} samples`),
  greeting: text(CARD_LIMITS.text).nullable(),
});

export type CardV1 = z.infer<typeof cardV1Schema>;
export type CardV2Data = z.infer<typeof cardV2DataSchema>;
export type SoulLinkExtension = z.infer<typeof soulLinkExtensionSchema>;
