import type { EntityManager } from '@mikro-orm/postgresql';
import type { StudyReport } from '../../kernel/study';
import type { StoredStudyResult } from './compute-study';
import { findOwnStudy } from './study-ownership';
import { Study } from './study.entity';

/**
 * The stored results of many of the caller's studies in one query, in the order of `ids`:
 * null for a study that has no result yet, or is not the caller's (a list shows only theirs).
 */
export async function studyResultsOfMany(em: EntityManager, ownerId: string, ids: readonly string[]): Promise<(StoredStudyResult | null)[]> {
  const studies = await em.find(Study, { owner: ownerId, id: { $in: [...ids] } }, { populate: ['result'] });
  const byId = new Map(studies.map((s) => [s.id, (s.result as unknown as StoredStudyResult | null) ?? null]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** The stored report of one of the caller's studies (null until it succeeded). */
export async function storedStudyReport(em: EntityManager, ownerId: string, studyId: string): Promise<StudyReport | null> {
  const study = await findOwnStudy(em, ownerId, studyId);
  await em.populate(study, ['report']);
  return study.report as unknown as StudyReport | null;
}
