import type { EntityManager } from '@mikro-orm/postgresql';
import type { StudyReport } from '../../kernel/study';
import type { StoredStudyResult } from './compute-study';
import { findOwnStudy } from './study-ownership';
import type { Study } from './study.entity';

/** The stored result of one of the caller's studies (null until it succeeded). */
export async function studyResult(em: EntityManager, ownerId: string, studyId: string): Promise<{ study: Study; result: StoredStudyResult | null }> {
  const study = await findOwnStudy(em, ownerId, studyId);
  await em.populate(study, ['result']);
  return { study, result: study.result as unknown as StoredStudyResult | null };
}

/** The stored report of one of the caller's studies (null until it succeeded). */
export async function storedStudyReport(em: EntityManager, ownerId: string, studyId: string): Promise<StudyReport | null> {
  const study = await findOwnStudy(em, ownerId, studyId);
  await em.populate(study, ['report']);
  return study.report as unknown as StudyReport | null;
}
