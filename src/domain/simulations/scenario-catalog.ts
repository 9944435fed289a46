import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import { DomainError, ValidationError } from '../errors';
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
  const template = parseScenarioTemplate(input, 'input.template');
  if (library.some((t) => t.id === template.id)) throw new ValidationError('input.template.id', `input.template.id: "${template.id}" is a built-in scenario`);
  if ((await em.count(CustomScenario, { owner: ownerId })) >= MAX_CUSTOM_SCENARIOS) {
    throw new DomainError('QUOTA_EXCEEDED', `At most ${MAX_CUSTOM_SCENARIOS} custom scenarios`, { limit: MAX_CUSTOM_SCENARIOS });
  }
  try {
    em.create(CustomScenario, { owner: ownerId, templateId: template.id, template });
    await em.flush();
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) throw new ValidationError('input.template.id', `input.template.id: you already have "${template.id}"`);
    throw err;
  }
  return template;
}

