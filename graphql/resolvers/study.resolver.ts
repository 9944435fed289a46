import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { UnauthenticatedError } from '../../src/domain/errors';
import { listStudies } from '../../src/domain/studies/list-studies';
import { renderStudyReport } from '../../src/domain/studies/render-study-report';
import { startStudy } from '../../src/domain/studies/start-study';
import { STUDY_JOB, type StudyProgressEvent } from '../../src/domain/studies/study-events';
import { findOwnStudy } from '../../src/domain/studies/study-ownership';
import { studyProgressStream } from '../../src/domain/studies/study-progress-stream';
import { StudyStatus } from '../../src/domain/studies/study.entity';
import type { AuthedContext, GraphQLContext } from '../context.type';
import { StartStudyInput } from '../inputs/study.input';
import { StartStudyPayload } from '../types/study.payload';
import { ConnectionArgs } from '../pagination/connection.args';
import { connectionOf } from '../pagination/connection.type';
import { StudyConnectionType } from '../pagination/connections.type';
import { StudyResultType, studyResultType } from '../types/study-result.type';
import { StudyProgressEventType, StudyReportDocumentType, StudyReportFormat, StudyType } from '../types/study.type';
import { HEAVY_QUERY_COMPLEXITY } from '../limits/field-complexity';

@Resolver(() => StudyType)
export class StudyResolver {
  @Authorized()
  @Mutation(() => StartStudyPayload, { description: 'Queue a validation study of one of your READY datasets; follow it on studyProgress.' })
  async startStudy(@Ctx() ctx: AuthedContext, @Arg('input', () => StartStudyInput, { description: 'The dataset, outcome, features and options of the study.' }) input: StartStudyInput): Promise<StartStudyPayload> {
    const { jobs } = ctx.services;
    const study = await startStudy({ em: ctx.em, enqueue: (id) => jobs.enqueue(STUDY_JOB, { studyId: id }, { jobId: `study-${id}` }) }, ctx.principal.user.id, { ...input });
    return { study: StudyType.from(study) };
  }

  @Authorized()
  @Query(() => StudyType, { description: 'One of your studies (NOT_FOUND for anyone else’s).' })
  async study(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'The study.' }) id: string): Promise<StudyType> {
    return StudyType.from(await findOwnStudy(ctx.em, ctx.principal.user.id, id));
  }

  @Authorized()
  @Query(() => StudyConnectionType, { description: 'Your studies, newest first (at most 50 a page); optionally of one dataset or in one status.' })
  async studies(
    @Ctx() ctx: AuthedContext,
    @Args() page: ConnectionArgs,
    @Arg('datasetId', () => ID, { description: 'Only studies of this dataset.', nullable: true }) datasetId?: string | null,
    @Arg('status', () => StudyStatus, { description: 'Only studies in this status.', nullable: true }) status?: StudyStatus | null,
  ): Promise<StudyConnectionType> {
    return connectionOf(await listStudies(ctx.em, ctx.principal.user.id, { datasetId, status }, page), StudyType.from);
  }

  @FieldResolver(() => StudyResultType, { nullable: true, description: 'What the study found (null until it SUCCEEDED).' })
  async result(@Root() study: StudyType, @Ctx() ctx: AuthedContext): Promise<StudyResultType | null> {
    // Batched across a list of studies (graphql/loaders/study-results.loader.ts).
    const result = await ctx.loaders.studyResults.load({ ownerId: ctx.principal.user.id, studyId: study.id });
    return result ? studyResultType(result) : null;
  }

  @Authorized()
  @Query(() => StudyReportDocumentType, { complexity: HEAVY_QUERY_COMPLEXITY, nullable: true, description: 'The study report as JSON, Markdown or self-contained HTML (ROC and calibration plots as inline SVG); null until the study SUCCEEDED.' })
  async studyReport(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'One of your studies.' }) id: string, @Arg('format', () => StudyReportFormat, { description: 'The document format.' }) format: StudyReportFormat): Promise<StudyReportDocumentType | null> {
    const document = await renderStudyReport(ctx.em, ctx.principal.user.id, id, format);
    return document ? Object.assign(new StudyReportDocumentType(), document) : null;
  }

  @Authorized()
  @Subscription(() => StudyProgressEventType, {
    description: 'Progress of one of your studies: where it stands now, then stage and fraction as it runs; ends after SUCCEEDED or FAILED.',
    subscribe: async ({ args, context }) => {
      const ctx = context as GraphQLContext;
      if (!ctx.principal) throw new UnauthenticatedError();
      const study = await findOwnStudy(ctx.em, ctx.principal.user.id, String(args.studyId));
      return studyProgressStream({ em: ctx.em, events: ctx.services.events }, study.id);
    },
  })
  studyProgress(@Root() event: StudyProgressEvent, @Arg('studyId', () => ID, { description: 'One of your studies.' }) _studyId: string): StudyProgressEventType {
    return StudyProgressEventType.from(event);
  }
}
