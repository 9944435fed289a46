import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { usageReport } from '../../src/domain/usage/usage-report';
import type { AuthedContext } from '../context.type';
import { UsageRangeInput, UsageReportType } from '../types/usage-report.type';
import { HEAVY_QUERY_COMPLEXITY } from '../limits/field-complexity';

@Resolver()
export class UsageResolver {
  @Authorized()
  @Query(() => UsageReportType, { complexity: HEAVY_QUERY_COMPLEXITY, description: 'Model usage and cost, grouped by day, model and agent. Admins may pass userId.' })
  async myUsage(
    @Ctx() ctx: AuthedContext,
    @Arg('range', () => UsageRangeInput, { description: 'The period (default: the last 30 days).', nullable: true }) range?: UsageRangeInput,
    @Arg('userId', () => ID, { description: 'Admins: another user’s usage; leave out for your own.', nullable: true }) userId?: string,
  ): Promise<UsageReportType> {
    return usageReport(ctx.services, ctx.em, ctx.principal, { ...range, userId: userId ?? undefined }) as Promise<UsageReportType>;
  }
}
