import type { z } from 'zod';
import { CardParseError } from './card-parse-error';
import { expandCardMacros } from './card-macros';
import {
  CARD_LIMITS,
  cardV1Schema,
  cardV2Schema,
  SOULLINK_EXTENSION_KEY,
  soulLinkExtensionSchema,
  type SoulLinkExtension,
} from './card-schema';
import { renderCardDescription, renderScenario, withoutFactsBlock } from './card-text';
import { parseMesExample, renderMesExample } from './mes-example';
import type { PersonaCardFields } from './persona-card-fields';

/** The fields both card versions share, after validation. */
interface CardText {
  name: string;
  description: string;
  personality: string;
  scenario: string;
  first_mes: string;
  mes_example: string;
  extensions: Record<string, unknown>;
}

const ROOT = '(root)';
/** Persona text refuses control characters; cards from other tools occasionally carry some. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function parseWith<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  throw new CardParseError(path || ROOT, issue.message);
}

function asObject(input: unknown): Record<string, unknown> {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new CardParseError(ROOT, 'not valid JSON');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CardParseError(ROOT, 'must be a JSON object');
  }
  return value as Record<string, unknown>;
}

function readCard(input: unknown): CardText {
  const card = asObject(input);
  // V2 nests everything under `data`; V1 (and V2 exports that mirror V1 at the root) is flat.
  if ('spec' in card || 'data' in card) return parseWith(cardV2Schema, card, '').data;
  return { ...parseWith(cardV1Schema, card, ''), extensions: {} };
}

const clean = (text: string) => text.replace(CONTROL_CHARS, '');
const expanded = (text: string, name: string) => clean(expandCardMacros(text, name)).trim();
const orNull = (text: string) => (text === '' ? null : text);

function joinParagraphs(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('\n\n');
}

/** Description plus scenario as one text, since a persona has no scenario field. */
function descriptionWithScenario(description: string, scenario: string, name: string): string {
  const scenarioText = expanded(scenario, name);
  const joined = joinParagraphs(expanded(description, name), scenarioText && `Scenario: ${scenarioText}`);
  if (joined.length > CARD_LIMITS.text) {
    throw new CardParseError('data.scenario', `description and scenario together exceed ${CARD_LIMITS.text} characters`);
  }
  return joined;
}

/** A card from any tool: the standard fields are all there is. */
function fromStandardFields(card: CardText, name: string): PersonaCardFields {
  return {
    name,
    age: null,
    gender: null,
    relationshipContext: null,
    description: descriptionWithScenario(card.description, card.scenario, name),
    interests: [],
    values: [],
    goals: [],
    dealbreakers: [],
    personalitySummary: orNull(expanded(card.personality, name)),
    speakingSamples: parseMesExample(clean(card.mes_example), name, CARD_LIMITS.samples),
    greeting: orNull(expanded(card.first_mes, name)),
  };
}

/**
 * A card SoulLink exported. Each standard field is compared with what the export wrote: if it
 * is unchanged, the exact SoulLink value comes back (null vs empty, multi-line samples);
 * if another tool edited it, the edit wins.
 */
function fromSoulLinkCard(card: CardText, name: string, ext: SoulLinkExtension): PersonaCardFields {
  const exported: PersonaCardFields = { name, ...ext };
  const scenarioEdited = card.scenario !== renderScenario(exported);
  const description =
    card.description === renderCardDescription(exported) && !scenarioEdited
      ? ext.description
      : descriptionWithScenario(
          withoutFactsBlock(card.description, exported),
          scenarioEdited ? card.scenario : '',
          name,
        );
  return {
    name,
    age: ext.age,
    gender: ext.gender,
    relationshipContext: ext.relationshipContext,
    description,
    interests: ext.interests,
    values: ext.values,
    goals: ext.goals,
    dealbreakers: ext.dealbreakers,
    personalitySummary:
      card.personality === (ext.personalitySummary ?? '')
        ? ext.personalitySummary
        : orNull(expanded(card.personality, name)),
    speakingSamples:
      card.mes_example === renderMesExample(ext.speakingSamples)
        ? ext.speakingSamples
        : parseMesExample(clean(card.mes_example), name, CARD_LIMITS.samples),
    greeting: card.first_mes === (ext.greeting ?? '') ? ext.greeting : orNull(expanded(card.first_mes, name)),
  };
}

/**
 * Reads a Character Card (V2, V1, or V3's V2-compatible data; an object or its JSON text)
 * into persona fields. Alternate greetings, lorebook, system prompt and other tools'
 * extensions have no persona field and are not kept. Throws CardParseError naming the path.
 */
export function fromCharacterCard(input: unknown): PersonaCardFields {
  const card = readCard(input);
  const name = clean(card.name).trim();
  const raw = card.extensions[SOULLINK_EXTENSION_KEY];
  if (raw === undefined) return fromStandardFields(card, name);
  const ext = parseWith(soulLinkExtensionSchema, raw, `data.extensions.${SOULLINK_EXTENSION_KEY}`);
  return fromSoulLinkCard(card, name, ext);
}
