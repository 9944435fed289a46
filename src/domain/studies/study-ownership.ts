import type { EntityManager } from '@mikro-orm/postgresql';
import { findOwned, type OwnedKind } from '../access/find-owned';
import { ResourceKind } from '../access/resource-kind';
import { NotFoundError } from '../errors';
import { MatchModel } from './match-model.entity';
import { StudyDataset } from './study-dataset.entity';
import { Study } from './study.entity';

/*
 * Owner-only lookups of the study objects, through the one ownership check (access/find-owned):
 * another user's dataset, study or model, a deleted one and a malformed id all answer NOT_FOUND
 * alike, and each such attempt is audited.
 */

export const STUDY_DATASETS: OwnedKind<StudyDataset> = {
  kind: ResourceKind.STUDY_DATASET,
  entity: StudyDataset,
  ownerOf: (d) => d.owner.id,
  notFound: () => new NotFoundError('NOT_FOUND', 'Study dataset not found'),
};

export const STUDIES: OwnedKind<Study> = {
  kind: ResourceKind.STUDY,
  entity: Study,
  ownerOf: (s) => s.owner.id,
  notFound: () => new NotFoundError('NOT_FOUND', 'Study not found'),
};

export const MATCH_MODELS: OwnedKind<MatchModel> = {
  kind: ResourceKind.MATCH_MODEL,
  entity: MatchModel,
  ownerOf: (m) => m.owner.id,
  notFound: () => new NotFoundError('NOT_FOUND', 'Match model not found'),
};

export function findOwnStudyDataset(em: EntityManager, ownerId: string, id: string): Promise<StudyDataset> {
  return findOwned(em, STUDY_DATASETS, ownerId, id);
}

export function findOwnStudy(em: EntityManager, ownerId: string, id: string): Promise<Study> {
  return findOwned(em, STUDIES, ownerId, id);
}

export function findOwnMatchModel(em: EntityManager, ownerId: string, id: string): Promise<MatchModel> {
  return findOwned(em, MATCH_MODELS, ownerId, id);
}
