import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { usageReport } from '../../src/domain/usage/usage-report';
import type { AuthedContext } from '../context.type';
import { UsageRangeInput, UsageReportType } from '../types/usage-report.type';

@Resolver()
export class UsageResolver {
  @Authorized()
  @Query(() => UsageReportType, { description: 'Model usage and cost, grouped by day, model and agent. Admins may pass userId.' })
  async myUsage(
    @Ctx() ctx: AuthedContext,
    @Arg('range', () => UsageRangeInput, { nullable: true }) range?: UsageRangeInput,
    @Arg('userId', () => ID, { nullable: true }) userId?: string,
  ): Promise<UsageReportType> {
    return usageReport(ctx.em, ctx.principal, { ...range, userId: userId ?? undefined }) as Promise<UsageReportType>;
  }
}
