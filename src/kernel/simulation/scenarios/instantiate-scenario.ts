import { fillPlaceholders, type PlaceholderNames } from './placeholders';
import type { ScenarioInstance, ScheduledEvent } from './scenario-instance';
import type { ScenarioEvent, ScenarioTemplate } from './scenario-template.schema';
import { SeededRandom } from './seeded-random';

export type { ScenarioInstance, ScheduledEvent } from './scenario-instance';

export interface InstantiateOptions {
  /** The simulation's seed. */
  seed: string;
  /** 0-based index of the episode within its scenario. */
  episodeIndex: number;
  selfName: string;
  partnerName: string;
  /**
   * The run's turn cap, when lower than the template's: the instance takes the smaller one,
   * so no event is scheduled on a turn the episode will never reach.
   */
  maxTurns?: number;
}

/** At most this many events per episode: more and the world drowns out the couple. */
export const MAX_EVENTS_PER_EPISODE = 3;

/**
 * Resolves a (schema-valid) template into one episode's concrete scenario. Everything is drawn
 * from `${seed}:${templateId}:${episodeIndex}`, each parameter from its own fork, so the same
 * inputs always give a deep-equal instance and a new parameter would not reshuffle the others.
 */
export function instantiateScenario(template: ScenarioTemplate, options: InstantiateOptions): ScenarioInstance {
  const { seed, episodeIndex, selfName, partnerName } = options;
  if (!Number.isSafeInteger(episodeIndex) || episodeIndex < 0) {
    throw new RangeError(`episodeIndex must be a non-negative integer, got ${episodeIndex}`);
  }
  if (options.maxTurns !== undefined && (!Number.isSafeInteger(options.maxTurns) || options.maxTurns < 1)) {
    throw new RangeError(`maxTurns must be a positive integer, got ${options.maxTurns}`);
  }
  const names: PlaceholderNames = { self: requireName('selfName', selfName), partner: requireName('partnerName', partnerName) };
  const fill = (text: string) => fillPlaceholders(text, names);

  const instanceSeed = `${seed}:${template.id}:${episodeIndex}`;
  const rng = new SeededRandom(instanceSeed);
  const maxTurns = Math.min(template.maxTurns, options.maxTurns ?? template.maxTurns);
  const stressorIntensity = rng.fork('intensity').int(template.stressorIntensity.min, template.stressorIntensity.max);

  return {
    templateId: template.id,
    category: template.category,
    title: fill(template.title),
    setting: fill(rng.fork('setting').pick(template.setting)),
    premise: fill(template.premise),
    stressorIntensity,
    stakes: fill(rng.fork('stakes').pick(template.stakes)),
    privateGoals: {
      self: fill(rng.fork('goal:self').pick(template.privateGoals.self)),
      partner: fill(rng.fork('goal:partner').pick(template.privateGoals.partner)),
    },
    eventSchedule: scheduleEvents(template.events, stressorIntensity, maxTurns, rng.fork('events')).map((e) => ({
      ...e,
      description: fill(e.description),
    })),
    ...(template.openingLine ? { openingLine: { speaker: template.openingLine.speaker, text: fill(template.openingLine.text) } } : {}),
    maxTurns,
    ...(template.languageHints ? { languageHints: [...template.languageHints] } : {}),
    seed: instanceSeed,
  };
}

/**
 * 0–3 events on distinct turns. Turn 1 opens the scene and the last turn is left for a
 * reaction, so events land on turns 2 … maxTurns−1. Each of the three slots fires with
 * probability 0.15 × intensity: 0.45 events per episode on average at intensity 1,
 * 2.25 at intensity 5. Heavier-weighted events are likelier, none repeats, and the chosen
 * ones keep the template's order, so an author can write a story (the call, then a week later).
 */
function scheduleEvents(events: readonly ScenarioEvent[], intensity: number, maxTurns: number, rng: SeededRandom): ScheduledEvent[] {
  const turns = Array.from({ length: Math.max(0, maxTurns - 2) }, (_, i) => i + 2);
  const countRng = rng.fork('count');
  let count = 0;
  for (let slot = 0; slot < MAX_EVENTS_PER_EPISODE; slot++) if (countRng.chance(0.15 * intensity)) count++;
  count = Math.min(count, events.length, turns.length);
  if (count === 0) return [];

  const chosen = weightedSample(events, count, rng.fork('which')).sort((a, b) => events.indexOf(a) - events.indexOf(b));
  const at = rng
    .fork('turns')
    .shuffle(turns)
    .slice(0, count)
    .sort((a, b) => a - b);
  return at.map((turn, i) => ({ turn, kind: chosen[i]!.kind, description: chosen[i]!.description }));
}

/** `count` distinct events, each draw proportional to weight among those not yet drawn. */
function weightedSample(events: readonly ScenarioEvent[], count: number, rng: SeededRandom): ScenarioEvent[] {
  const pool = [...events];
  const out: ScenarioEvent[] = [];
  while (out.length < count && pool.length > 0) {
    const total = pool.reduce((sum, e) => sum + e.weight, 0);
    let r = rng.next() * total;
    let index = pool.length - 1;
    for (let i = 0; i < pool.length; i++) {
      r -= pool[i]!.weight;
      if (r < 0) {
        index = i;
        break;
      }
    }
    out.push(pool.splice(index, 1)[0]!);
  }
  return out;
}

function requireName(field: string, name: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed.length === 0) throw new RangeError(`${field} must be a non-empty name`);
  return trimmed;
}
