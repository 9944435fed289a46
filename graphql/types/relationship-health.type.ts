/**
 * The relationship health report over a persona's imported chats (src/domain/conversations),
 * typed field for field, so the resolver returns the domain report as is.
 */
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { HealthTurningPoint, RelationshipHealthReport } from '../../src/domain/conversations/relationship-health-report';
import type { TrendKey as DomainTrendKey, TrendSeries } from '../../src/domain/conversations/health-trends';
import type { TurnDirection as DomainDirection, TurningPointMeasure as DomainTurnMeasure } from '../../src/kernel/measures/turning-points';
import { ConversationMeasuresType } from './conversation-measures.type';
import { PersonaType } from './persona.type';

export enum TrendKey {
  RAPPORT = 'rapport',
  LSM = 'lsm',
  RESPONSIVENESS = 'responsiveness',
  POSITIVE_TO_NEGATIVE_RATIO = 'positiveToNegativeRatio',
  SENTIMENT = 'sentiment',
  MEDIAN_REPLY_SECONDS = 'medianReplySeconds',
}
registerEnumType(TrendKey, {
  name: 'TrendKey',
  description: 'A measure charted month by month (its definition: ConversationMeasures and measureCatalog).',
  valuesConfig: {
    RAPPORT: { description: 'The rapport index, 0–100.' },
    LSM: { description: 'Language style matching, 0–1.' },
    RESPONSIVENESS: { description: 'Share of bids for connection turned toward, 0–1.' },
    POSITIVE_TO_NEGATIVE_RATIO: { description: 'Positive : negative interactions (Gottman’s 5:1).' },
    SENTIMENT: { description: 'Mean message sentiment per speaker, −1 … +1.' },
    MEDIAN_REPLY_SECONDS: { description: 'Median reply delay per speaker, in seconds.' },
  },
});

export enum TurningPointMeasure {
  RAPPORT = 'rapport',
  LSM = 'lsm',
  RESPONSIVENESS = 'responsiveness',
  POSITIVE_SHARE = 'positiveShare',
}
registerEnumType(TurningPointMeasure, {
  name: 'TurningPointMeasure',
  description: 'A headline pair measure watched for turning points. POSITIVE_SHARE = positive / (positive + negative) interactions.',
  valuesConfig: {
    RAPPORT: { description: 'The rapport index (watched on a 0–1 scale: rapport / 100).' },
    LSM: { description: 'Language style matching.' },
    RESPONSIVENESS: { description: 'Share of bids turned toward.' },
    POSITIVE_SHARE: { description: 'positive / (positive + negative) interactions.' },
  },
});

export enum TurnDirection {
  UP = 'UP',
  DOWN = 'DOWN',
}
registerEnumType(TurnDirection, {
  name: 'TurnDirection',
  description: 'Whether the measure rose or fell.',
  valuesConfig: {
    UP: { description: 'The measure rose.' },
    DOWN: { description: 'The measure fell.' },
  },
});

@InputType('DateRangeInput', { description: 'A time range; either end may be left open.' })
export class DateRangeInput {
  @Field(() => Date, { nullable: true, description: 'Inclusive start (messages sent at or after it).' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Inclusive end (messages sent at or before it).' })
  to?: Date | null;
}

@ObjectType('DateRange', { description: 'The range a report covers, as asked; null ends are open.' })
export class DateRangeType {
  @Field(() => Date, { nullable: true, description: 'Inclusive start, or null.' })
  from!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Inclusive end, or null.' })
  to!: Date | null;
}

@ObjectType('CitedMessage', { description: 'A message a report quotes, to show what a number rests on.' })
export class CitedMessageType {
  @Field(() => ID, { description: 'The imported message’s id (as in every Measure.messageIds).' })
  id!: string;

  @Field({ description: 'Who wrote it: one of the report’s two speakers.' })
  speaker!: string;

  @Field(() => Date, { nullable: true, description: 'When it was sent; null for an export without timestamps.' })
  sentAt!: Date | null;

  @Field({ description: 'The start of the message (up to 160 characters).' })
  quote!: string;
}

@ObjectType('HealthMonth', { description: 'The measures of one calendar month (in the report’s time zone).' })
export class HealthMonthType {
  @Field({ description: 'The month, "2026-03".' })
  period!: string;

  @Field({ description: 'Time of the month’s first message.' })
  from!: Date;

  @Field({ description: 'Time of the month’s last message.' })
  to!: Date;

  @Field(() => Int, { description: 'Messages measured in the month.' })
  messages!: number;

  @Field(() => ConversationMeasuresType, {
    description:
      'Every measure over the month’s messages alone (the speakers stay on the same sides). The query depth limit reaches the pair measures here; for a month’s per-speaker detail ask conversationMeasures with the month as range, or read the JSON document.',
  })
  measures!: ConversationMeasuresType;
}

@ObjectType('TrendPoint', { description: 'One month of a trend.' })
export class TrendPointType {
  @Field({ description: 'The month, "2026-03".' })
  period!: string;

  @Field(() => Float, { nullable: true, description: 'The measure in that month; null when the month could not say (no bid, no negative interaction, no timestamps).' })
  value!: number | null;

  @Field(() => Int, { description: 'What the value rests on (messages, bids or replies, as the measure says).' })
  n!: number;
}

@ObjectType('TrendSeries', { description: 'A measure month by month: one series per pair measure, one per speaker for per-speaker measures.' })
export class TrendSeriesType {
  @Field(() => TrendKey, { description: 'Which measure.' })
  key!: DomainTrendKey;

  @Field({ description: 'Its name for display.' })
  label!: string;

  @Field({ description: 'How to read the values (0–100, 0–1, −1 … +1, ratio, seconds).' })
  scale!: string;

  @Field(() => String, { nullable: true, description: 'The speaker for per-speaker series (sentiment, reply time); null for pair measures.' })
  speaker!: string | null;

  @Field(() => [TrendPointType], { description: 'One point per month with messages, in order (the same months as `months`).' })
  points!: TrendPointType[];
}

@ObjectType('TurningPoint', {
  description:
    'A month where a headline measure moved clearly against the months before: |value − mean of up to 3 previous months| > max(0.1, 2 × the median month-to-month change of the other months), on a 0–1 scale (rapport / 100). Months under 10 messages are skipped; a change that lasts is one turning point, reported at its first month (src/kernel/measures/turning-points.ts).',
})
export class TurningPointType {
  @Field({ description: 'The month the change showed, "2026-04".' })
  period!: string;

  @Field(() => TurningPointMeasure, { description: 'The measure that moved.' })
  measure!: DomainTurnMeasure;

  @Field(() => TurnDirection, { description: 'Up or down.' })
  direction!: DomainDirection;

  @Field(() => Float, { description: 'Baseline: the mean of the previous counted months, on the measure’s own scale (rapport 0–100, the others 0–1).' })
  before!: number;

  @Field(() => Float, { description: 'The month’s value, same scale.' })
  after!: number;

  @Field(() => Float, { description: 'after − before.' })
  change!: number;

  @Field(() => Float, { description: 'The threshold the change beat, same scale.' })
  threshold!: number;

  @Field(() => [String], { description: 'The months the baseline averages.' })
  baselinePeriods!: string[];

  @Field({ description: 'The turning point in one sentence.' })
  description!: string;

  @Field(() => [ID], { description: 'The month’s most telling messages for this change (up to 5): down, the replies turning against or away from a bid, the Four Horsemen, the negative interactions; up, replies turning toward, repair attempts, positive interactions. For LSM, the edges of the month’s least (most) matched window.' })
  messageIds!: string[];

  @Field(() => [CitedMessageType], { description: 'The same messages, quoted.' })
  citations!: CitedMessageType[];
}

@ObjectType('RelationshipHealthReport', {
  description:
    'Deterministic measures of the user’s imported chats with a persona: overall, per month, trends, turning points with cited messages, caveats and a summary written from the numbers by fixed rules (no model). Side 0 of every measure is the user, side 1 the persona.',
})
export class RelationshipHealthReportType {
  @Field(() => PersonaType, { description: 'The persona whose imported chats were analysed.' })
  persona!: PersonaType;

  @Field(() => [String], { description: '[your side, the persona’s side] as named in the report (each side under one name across imports).' })
  speakers!: string[];

  @Field(() => DateRangeType, { description: 'The range asked for.' })
  range!: DateRangeType;

  @Field(() => Int, { description: 'Offset from UTC, in minutes, that splits the months.' })
  timeZoneOffsetMinutes!: number;

  @Field(() => Int, { description: 'Messages analysed (in range; media without words left out).' })
  messages!: number;

  @Field(() => Date, { nullable: true, description: 'First dated message analysed.' })
  firstMessageAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last dated message analysed.' })
  lastMessageAt!: Date | null;

  @Field(() => ConversationMeasuresType, { description: 'Every measure over the whole range.' })
  overall!: ConversationMeasuresType;

  @Field(() => [HealthMonthType], { description: 'Months with messages, in order.' })
  months!: HealthMonthType[];

  @Field(() => [TrendSeriesType], { description: 'Rapport, LSM, responsiveness, positive : negative ratio, and per speaker sentiment and median reply time, month by month.' })
  trends!: TrendSeriesType[];

  @Field(() => [TurningPointType], { description: 'Turning points, by month.' })
  turningPoints!: TurningPointType[];

  @Field(() => [String], { description: 'Plain-language summary, one sentence per point, computed from the numbers.' })
  summary!: string[];

  @Field(() => [String], { description: 'What to keep in mind: thin data, missing timestamps, heuristic classifiers, language limits.' })
  caveats!: string[];

  static from(persona: PersonaType, report: RelationshipHealthReport): RelationshipHealthReportType {
    // Compile-time check that the domain report fits the type (enums typed by their domain values).
    const turningPoints: TurningPointType[] = report.turningPoints satisfies HealthTurningPoint[];
    const trends: TrendSeriesType[] = report.trends satisfies TrendSeries[];
    const months: HealthMonthType[] = report.months;
    return Object.assign(new RelationshipHealthReportType(), { ...report, persona, turningPoints, trends, months });
  }
}
