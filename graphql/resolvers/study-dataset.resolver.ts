import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { createStudyDataset } from '../../src/domain/studies/create-study-dataset';
import { listStudyDatasets } from '../../src/domain/studies/list-study-datasets';
import { findOwnStudyDataset } from '../../src/domain/studies/study-ownership';
import type { AuthedContext } from '../context.type';
import { CreateStudyDatasetInput } from '../inputs/study.input';
import { ConnectionArgs } from '../pagination/connection.args';
import { connectionOf } from '../pagination/connection.type';
import { StudyDatasetConnectionType } from '../pagination/connections.type';
import { StudyDatasetType } from '../types/study-dataset.type';
import { CreateStudyDatasetPayload } from '../types/study.payload';
import { HEAVY_COMPUTE_COMPLEXITY } from '../limits/field-complexity';

@Resolver()
export class StudyDatasetResolver {
  @Authorized()
  @Mutation(() => CreateStudyDatasetPayload, {
    complexity: HEAVY_COMPUTE_COMPLEXITY,
    description:
      'Upload a small study dataset inline; it is READY at once. A bad schema, row or cell fails with STUDY_DATASET_INVALID and its table, line and column (extensions.table/line/column), and nothing is stored.',
  })
  async createStudyDataset(@Ctx() ctx: AuthedContext, @Arg('input', () => CreateStudyDatasetInput, { description: 'The dataset’s name, schema and both tables as text.' }) input: CreateStudyDatasetInput): Promise<CreateStudyDatasetPayload> {
    const dataset = await createStudyDataset({ em: ctx.em, blobs: ctx.services.studyDatasets }, ctx.principal.user.id, { ...input });
    return { dataset: StudyDatasetType.from(dataset) };
  }

  @Authorized()
  @Query(() => StudyDatasetConnectionType, { description: 'Your study datasets, newest first (at most 50 a page).' })
  async studyDatasets(@Ctx() ctx: AuthedContext, @Args() page: ConnectionArgs): Promise<StudyDatasetConnectionType> {
    return connectionOf(await listStudyDatasets(ctx.em, ctx.principal.user.id, page), StudyDatasetType.from);
  }

  @Authorized()
  @Query(() => StudyDatasetType, { description: 'One of your study datasets (NOT_FOUND for anyone else’s).' })
  async studyDataset(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'The dataset.' }) id: string): Promise<StudyDatasetType> {
    return StudyDatasetType.from(await findOwnStudyDataset(ctx.em, ctx.principal.user.id, id));
  }
}
