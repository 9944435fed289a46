import type { ConversationMeasures } from '../../kernel/measures';
import type { TurningPoint } from '../../kernel/measures/turning-points';
import type { TrendSeries } from './health-trends';

/** What a relationship health report holds (built by relationship-health-report.ts, read by its writers and renderers). */
export interface CitedMessage {
  id: string;
  speaker: string;
  sentAt: Date | null;
  /** The message's start, at most QUOTE_CHARS characters. */
  quote: string;
}

export interface HealthMonth {
  /** "2026-03" in the report's time zone. */
  period: string;
  /** First and last message time in the month. */
  from: Date;
  to: Date;
  messages: number;
  measures: ConversationMeasures;
}

export interface HealthTurningPoint extends TurningPoint {
  /** One sentence: "In 2026-04 responsiveness fell from 0.82 to 0.30 (threshold 0.10)." */
  description: string;
  citations: CitedMessage[];
}

export interface RelationshipHealthReport {
  personaId: string;
  /** [user side, partner side]: side 0 and side 1 of every measure. */
  speakers: [string, string];
  /** The range asked for (null = open). */
  range: { from: Date | null; to: Date | null };
  /** Offset from UTC (minutes) that splits the months. */
  timeZoneOffsetMinutes: number;
  /** Messages analysed (in range, media stand-ins left out). */
  messages: number;
  firstMessageAt: Date | null;
  lastMessageAt: Date | null;
  overall: ConversationMeasures;
  months: HealthMonth[];
  trends: TrendSeries[];
  turningPoints: HealthTurningPoint[];
  summary: string[];
  caveats: string[];
}
