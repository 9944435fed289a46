import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { CustomScenario } from './custom-scenario.entity';
import { parseScenarioTemplate, type ScenarioTemplate } from '../../kernel/simulation/scenarios/scenario-template.schema';

const MAX_CUSTOM_SCENARIOS = 100;

/** The scenarios a user's simulations may use: the built-in library plus their own. */
export async function scenarioCatalog(em: EntityManager, ownerId: string, library: ScenarioTemplate[]): Promise<ScenarioTemplate[]> {
  const own = await em.find(CustomScenario, { owner: ownerId }, { orderBy: { createdAt: 'asc' }, limit: MAX_CUSTOM_SCENARIOS });
  return [...library, ...own.map((s) => s.template)];
}

/**
 * Adds a scenario template of the user's own, validated like the built-in ones. Its id must
 * not clash with a built-in scenario or another of theirs.
 */
export async function addCustomScenario(em: EntityManager, ownerId: string, library: ScenarioTemplate[], input: unknown): Promise<ScenarioTemplate> {
  const template = parseScenarioTemplate(input, 'template');
  if (library.some((t) => t.id === template.id)) throw new ValidationError('template.id', `template.id: "${template.id}" is a built-in scenario`);
  if ((await em.count(CustomScenario, { owner: ownerId })) >= MAX_CUSTOM_SCENARIOS) {
    throw new DomainError('QUOTA_EXCEEDED', `At most ${MAX_CUSTOM_SCENARIOS} custom scenarios`, { limit: MAX_CUSTOM_SCENARIOS });
  }
  try {
    em.create(CustomScenario, { owner: ownerId, templateId: template.id, template });
    await em.flush();
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) throw new ValidationError('template.id', `template.id: you already have "${template.id}"`);
    throw err;
  }
  return template;
}


/**
 * The user's own scenario with this id. A built-in id is FORBIDDEN (the library is shared
 * and read-only); an id the user does not have — including another user's — is NOT_FOUND.
 */
async function ownScenario(em: EntityManager, ownerId: string, library: ScenarioTemplate[], id: string): Promise<CustomScenario> {
  if (library.some((t) => t.id === id)) throw new ForbiddenError(`"${id}" is a built-in scenario; add a copy under another id to change it`);
  const own = await em.findOne(CustomScenario, { owner: ownerId, templateId: id });
  if (!own) throw new NotFoundError('NOT_FOUND', `You have no scenario "${id}"`);
  return own;
}

/**
 * Replaces one of the user's scenario templates, validated like a new one. Its id stays: a
 * template whose id differs is refused, so runs that named it keep naming the same scenario.
 * Runs already started keep the version they read when they started.
 */
export async function updateCustomScenario(em: EntityManager, ownerId: string, library: ScenarioTemplate[], id: string, input: unknown): Promise<ScenarioTemplate> {
  const own = await ownScenario(em, ownerId, library, id);
  const template = parseScenarioTemplate(input, 'template');
  if (template.id !== id) throw new ValidationError('template.id', `template.id: must stay "${id}" (add a new scenario to use another id)`);
  own.template = template;
  await em.flush();
  return template;
}

/** Removes one of the user's scenario templates; returns the removed template. Finished runs and their reports are kept. */
export async function deleteCustomScenario(em: EntityManager, ownerId: string, library: ScenarioTemplate[], id: string): Promise<ScenarioTemplate> {
  const own = await ownScenario(em, ownerId, library, id);
  const { template } = own;
  em.remove(own);
  await em.flush();
  return template;
}
