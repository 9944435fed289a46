import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { createStudyDataset } from '../../src/domain/studies/create-study-dataset';
import { listStudyDatasets } from '../../src/domain/studies/list-study-datasets';
import { findOwnStudyDataset } from '../../src/domain/studies/study-ownership';
import type { AuthedContext } from '../context.type';
import { PageInput } from '../inputs/page.input';
import { CreateStudyDatasetInput } from '../inputs/study.input';
import { StudyDatasetPageType, StudyDatasetType } from '../types/study-dataset.type';

@Resolver()
export class StudyDatasetResolver {
  @Authorized()
  @Mutation(() => StudyDatasetType, {
    description:
      'Upload a small study dataset inline; it is READY at once. A bad schema, row or cell fails with STUDY_DATASET_INVALID and its table, line and column (extensions.table/line/column), and nothing is stored.',
  })
  async createStudyDataset(@Ctx() ctx: AuthedContext, @Arg('input', () => CreateStudyDatasetInput, { description: 'The dataset’s name, schema and both tables as text.' }) input: CreateStudyDatasetInput): Promise<StudyDatasetType> {
    const dataset = await createStudyDataset({ em: ctx.em, blobs: ctx.services.studyDatasets }, ctx.principal.user.id, { ...input });
    return StudyDatasetType.from(dataset);
  }

  @Authorized()
  @Query(() => StudyDatasetPageType, { description: 'Your study datasets, newest first.' })
  async studyDatasets(@Ctx() ctx: AuthedContext, @Arg('page', () => PageInput, { description: 'Which page (default: the first 20).', nullable: true }) page?: PageInput | null): Promise<StudyDatasetPageType> {
    const { items, total } = await listStudyDatasets(ctx.em, ctx.principal.user.id, { limit: page?.limit ?? 20, offset: page?.offset ?? 0 });
    return { items: items.map(StudyDatasetType.from), total };
  }

  @Authorized()
  @Query(() => StudyDatasetType, { description: 'One of your study datasets (NOT_FOUND for anyone else’s).' })
  async studyDataset(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'The dataset.' }) id: string): Promise<StudyDatasetType> {
    return StudyDatasetType.from(await findOwnStudyDataset(ctx.em, ctx.principal.user.id, id));
  }
}
