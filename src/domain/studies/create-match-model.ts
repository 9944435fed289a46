import type { EntityManager } from '@mikro-orm/postgresql';
import { ValidationError } from '../errors';
import { validateInput } from '../validate-input';
import { MatchModel } from './match-model.entity';
import { matchModelName } from './study-input';
import { findOwnStudy } from './study-ownership';
import { StudyStatus } from './study.entity';

/**
 * Keeps a succeeded study's fitted model as a validity card under a name; each call with the
 * same name adds the next version (the count and the insert run under the owner's row lock,
 * so parallel calls cannot take the same version).
 */
export async function createMatchModel(em: EntityManager, ownerId: string, studyId: string, name: unknown): Promise<MatchModel> {
  const modelName = validateInput(matchModelName, name, 'name');
  const study = await findOwnStudy(em, ownerId, studyId);
  if (study.status !== StudyStatus.SUCCEEDED) throw new ValidationError('studyId', 'Only a succeeded study has a model to keep');
  await em.populate(study, ['card', 'dataset']);
  if (!study.card) throw new ValidationError('studyId', 'This study has no fitted model');
  const card = study.card;
  return em.transactional(async (tx) => {
    await tx.getConnection().execute('select id from users where id = ? for update', [ownerId], 'all', tx.getTransactionContext());
    const latest = await tx.findOne(MatchModel, { owner: ownerId, name: modelName }, { orderBy: { version: 'desc' }, fields: ['version'] });
    const model = tx.create(MatchModel, { owner: ownerId, study: study.id, name: modelName, version: (latest?.version ?? 0) + 1, schema: study.dataset.getEntity().schema, card: {} });
    model.card = { ...card, modelId: model.id, name: modelName, createdAt: model.createdAt.toISOString() };
    await tx.flush();
    return model;
  });
}
