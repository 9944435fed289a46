import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { StoredStudyResult } from '../../src/domain/studies/compute-study';
import { studyResultsOfMany } from '../../src/domain/studies/study-result';

/** A study whose stored result is wanted, and whose caller asks (only their own studies answer). */
export interface StudyResultKey {
  ownerId: string;
  studyId: string;
}

/**
 * `Study.result` for every study of a list in one query per caller, instead of an ownership
 * check and a lazy load per study.
 */
export function studyResultsLoader(em: EntityManager): DataLoader<StudyResultKey, StoredStudyResult | null> {
  // Batching only, no memo (as chatMessageAlternativesLoader): a study's result appears when it succeeds.
  return new DataLoader(
    async (keys) => {
      const owners = [...new Set(keys.map((k) => k.ownerId))];
      const answers = new Map<string, StoredStudyResult | null>();
      for (const owner of owners) {
        const ids = keys.filter((k) => k.ownerId === owner).map((k) => k.studyId);
        (await studyResultsOfMany(em, owner, ids)).forEach((result, i) => answers.set(`${owner}:${ids[i]}`, result));
      }
      return keys.map((k) => answers.get(`${k.ownerId}:${k.studyId}`) ?? null);
    },
    { cache: false, maxBatchSize: 500 },
  );
}
