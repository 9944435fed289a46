import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { analyzeConversation, measureImportedConversation } from '../../src/domain/conversations/analyze-conversation';
import { measureCatalog } from '../../src/domain/conversations/measure-catalog-entries';
import { measureChat } from '../../src/domain/conversations/measure-chat';
import { renderHealthReport } from '../../src/domain/conversations/render-health-report';
import type { AuthedContext } from '../context.type';
import { ConversationMeasuresType, conversationMeasuresType, MeasureCatalogEntryType, MeasureScope } from '../types/conversation-measures.type';
import { PersonaType } from '../types/persona.type';
import { DateRangeInput, RelationshipHealthReportType } from '../types/relationship-health.type';
import { ReportDocumentType, ReportFormat } from '../types/simulation.type';
import { HEAVY_QUERY_COMPLEXITY } from '../limits/field-complexity';

const RANGE = { nullable: true, description: 'Only messages sent in this range (default: all).' } as const;
const OFFSET = {
  nullable: true,
  description: 'Offset from UTC in minutes that splits the months (e.g. 480 for China); pass the one the chat was imported with. Default 0 (UTC).',
} as const;

@Resolver()
export class ConversationAnalysisResolver {
  @Query(() => [MeasureCatalogEntryType], { description: 'Definitions and sources of the headline conversation measures, so a client can explain every number it shows. Public: no user data.' })
  measureCatalog(): MeasureCatalogEntryType[] {
    return measureCatalog().map((e) => Object.assign(new MeasureCatalogEntryType(), { ...e, scope: MeasureScope[e.scope] }));
  }

  @Authorized()
  @Query(() => RelationshipHealthReportType, {
    complexity: HEAVY_QUERY_COMPLEXITY,
    description:
      'Relationship health of your imported chats with a persona: deterministic measures overall and per month, trends, turning points with cited messages, caveats, summary. No model is called. A persona without imported messages gets an empty report (its summary and caveats say so); an imported partner needs consent (CONSENT_REQUIRED).',
  })
  async analyzeConversation(
    @Ctx() ctx: AuthedContext,
    @Arg('personaId', () => ID, { description: 'One of your personas with imported chats.' }) personaId: string,
    @Arg('range', () => DateRangeInput, RANGE) range?: DateRangeInput | null,
    @Arg('timeZoneOffsetMinutes', () => Int, OFFSET) timeZoneOffsetMinutes?: number | null,
  ): Promise<RelationshipHealthReportType> {
    const { persona, report } = await analyzeConversation({ em: ctx.em, transcripts: ctx.services.transcripts }, ctx.principal.user.id, personaId, { range, timeZoneOffsetMinutes });
    return RelationshipHealthReportType.from(PersonaType.from(persona), report);
  }

  @Authorized()
  @Query(() => ReportDocumentType, { complexity: HEAVY_QUERY_COMPLEXITY, description: 'The relationship health report as Markdown (sparkline trends), self-contained HTML (inline SVG trend charts) or JSON.' })
  async relationshipHealthDocument(
    @Ctx() ctx: AuthedContext,
    @Arg('personaId', () => ID, { description: 'One of your personas with imported chats.' }) personaId: string,
    @Arg('format', () => ReportFormat, { description: 'MARKDOWN, HTML or JSON.' }) format: ReportFormat,
    @Arg('range', () => DateRangeInput, RANGE) range?: DateRangeInput | null,
    @Arg('timeZoneOffsetMinutes', () => Int, OFFSET) timeZoneOffsetMinutes?: number | null,
  ): Promise<ReportDocumentType> {
    const { report } = await analyzeConversation({ em: ctx.em, transcripts: ctx.services.transcripts }, ctx.principal.user.id, personaId, { range, timeZoneOffsetMinutes });
    return Object.assign(new ReportDocumentType(), renderHealthReport(report, format));
  }

  @Authorized()
  @Query(() => ConversationMeasuresType, {
    complexity: HEAVY_QUERY_COMPLEXITY,
    description:
      'The measures alone of your imported chats with a persona in a range (you are side 0), e.g. one month’s per-speaker detail, which sits deeper in analyzeConversation’s months than the query depth limit reaches. Same rules as analyzeConversation.',
  })
  async conversationMeasures(
    @Ctx() ctx: AuthedContext,
    @Arg('personaId', () => ID, { description: 'One of your personas with imported chats.' }) personaId: string,
    @Arg('range', () => DateRangeInput, RANGE) range?: DateRangeInput | null,
  ): Promise<ConversationMeasuresType> {
    return conversationMeasuresType(await measureImportedConversation({ em: ctx.em, transcripts: ctx.services.transcripts }, ctx.principal.user.id, personaId, { range }));
  }

  @Authorized()
  @Query(() => ConversationMeasuresType, {
    complexity: HEAVY_QUERY_COMPLEXITY,
    description: 'Deterministic conversation measures of one of your live chats (you are side 0, the partner side 1), over the current branch’s spoken messages. No model is called (compare scoreChat).',
  })
  async chatMeasures(@Ctx() ctx: AuthedContext, @Arg('sessionId', () => ID, { description: 'One of your chats.' }) sessionId: string): Promise<ConversationMeasuresType> {
    return conversationMeasuresType(await measureChat({ em: ctx.em, transcripts: ctx.services.transcripts, chatStore: ctx.services.chatStore }, ctx.principal.user.id, sessionId));
  }
}
