import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';

/**
 * The persona profile as clients read it: the analysis graph's output
 * (agents/persona-analysis/profile.schema.ts) as typed objects. The stored JSON comes from a
 * model answering a JSON schema that is not re-checked on the way in, so every reader here
 * keeps what has the documented shape and leaves out what does not (a missing trait is null,
 * an unknown love language is dropped) rather than failing the whole profile.
 */

export enum AttachmentStyle {
  SECURE = 'SECURE',
  ANXIOUS = 'ANXIOUS',
  AVOIDANT = 'AVOIDANT',
  FEARFUL_AVOIDANT = 'FEARFUL_AVOIDANT',
}
registerEnumType(AttachmentStyle, {
  name: 'AttachmentStyle',
  description: 'Adult attachment style (Bartholomew & Horowitz’s four categories).',
  valuesConfig: {
    SECURE: { description: 'Comfortable with closeness and with independence.' },
    ANXIOUS: { description: 'Seeks closeness and reassurance; worries about the partner’s availability.' },
    AVOIDANT: { description: 'Values independence; uneasy with too much closeness.' },
    FEARFUL_AVOIDANT: { description: 'Wants closeness but fears it: alternates between seeking and withdrawing.' },
  },
});

export enum LoveLanguage {
  WORDS_OF_AFFIRMATION = 'WORDS_OF_AFFIRMATION',
  ACTS_OF_SERVICE = 'ACTS_OF_SERVICE',
  RECEIVING_GIFTS = 'RECEIVING_GIFTS',
  QUALITY_TIME = 'QUALITY_TIME',
  PHYSICAL_TOUCH = 'PHYSICAL_TOUCH',
}
registerEnumType(LoveLanguage, {
  name: 'LoveLanguage',
  description: 'Chapman’s five love languages: how a person most likes to give and receive affection.',
  valuesConfig: {
    WORDS_OF_AFFIRMATION: { description: 'Compliments, encouragement, saying it out loud.' },
    ACTS_OF_SERVICE: { description: 'Doing things for the other.' },
    RECEIVING_GIFTS: { description: 'Thoughtful presents.' },
    QUALITY_TIME: { description: 'Undivided attention and time together.' },
    PHYSICAL_TOUCH: { description: 'Hugs, holding hands, closeness.' },
  },
});

const CITATIONS = 'Ids of the imported messages (transcript message ids) that support this; empty when the analysis cited none it could verify.';

@ObjectType('TraitScore', { description: 'One Big Five trait as the analysis rated it.' })
export class TraitScoreType {
  @Field(() => Float, { description: '0–1: how strongly the trait shows (0.5 is average).' })
  score!: number;

  @Field(() => Float, { description: '0–1: how sure the analysis is, given the evidence it had.' })
  confidence!: number;

  @Field(() => [ID], { description: CITATIONS })
  citations!: string[];
}

@ObjectType('BigFiveTraits', { description: 'The Big Five personality traits. A trait is null when the analysis gave no usable rating for it.' })
export class BigFiveTraitsType {
  @Field(() => TraitScoreType, { nullable: true, description: 'Curiosity, openness to new experiences and ideas.' })
  openness!: TraitScoreType | null;

  @Field(() => TraitScoreType, { nullable: true, description: 'Organisation, reliability, following through.' })
  conscientiousness!: TraitScoreType | null;

  @Field(() => TraitScoreType, { nullable: true, description: 'Sociability, energy drawn from others, talkativeness.' })
  extraversion!: TraitScoreType | null;

  @Field(() => TraitScoreType, { nullable: true, description: 'Warmth, cooperation, consideration for others.' })
  agreeableness!: TraitScoreType | null;

  @Field(() => TraitScoreType, { nullable: true, description: 'Tendency to worry, stress and mood swings.' })
  neuroticism!: TraitScoreType | null;
}

@ObjectType('AttachmentAssessment', { description: 'The attachment style the messages suggest.' })
export class AttachmentAssessmentType {
  @Field(() => AttachmentStyle, { description: 'The most likely style.' })
  style!: AttachmentStyle;

  @Field(() => Float, { description: '0–1: how sure the analysis is.' })
  confidence!: number;

  @Field(() => [ID], { description: CITATIONS })
  citations!: string[];
}

@ObjectType('LoveLanguageWeight', { description: 'How much one love language matters to the person.' })
export class LoveLanguageWeightType {
  @Field(() => LoveLanguage, { description: 'The love language.' })
  language!: LoveLanguage;

  @Field(() => Float, { description: '0–1: how much it matters, relative to the others.' })
  weight!: number;

  @Field(() => [ID], { description: CITATIONS })
  citations!: string[];
}

@ObjectType('CommunicationStyle', { description: 'How the person communicates in the analysed messages.' })
export class CommunicationStyleType {
  @Field({ description: 'A sentence or two, for people.' })
  summary!: string;

  @Field(() => Float, { description: '0–1: says what they mean plainly (1) or hints and hedges (0).' })
  directness!: number;

  @Field(() => Float, { description: '0–1: warmth and affection in how they write.' })
  warmth!: number;

  @Field(() => Float, { description: '0–1: how much humour and playfulness they use.' })
  humor!: number;

  @Field(() => [ID], { description: CITATIONS })
  citations!: string[];
}

@ObjectType('CitedNote', { description: 'A short statement from the analysis (a value, an interest, a flag, a habit) with its evidence.' })
export class CitedNoteType {
  @Field({ description: 'The statement, in the analysis’ words.' })
  text!: string;

  @Field(() => [ID], { description: CITATIONS })
  citations!: string[];
}

@ObjectType('ConflictStyle', { description: 'How the person handles conflict, in Gottman’s terms: the four horsemen (each 0–1, how much it shows) and repair habits.' })
export class ConflictStyleType {
  @Field(() => Float, { description: '0–1: attacks on the partner’s character rather than complaints about a behaviour.' })
  criticism!: number;

  @Field(() => Float, { description: '0–1: mockery, sarcasm, disrespect.' })
  contempt!: number;

  @Field(() => Float, { description: '0–1: excuses and counter-blame instead of taking responsibility.' })
  defensiveness!: number;

  @Field(() => Float, { description: '0–1: withdrawing, going silent, shutting the conversation down.' })
  stonewalling!: number;

  @Field(() => [CitedNoteType], { description: 'What they do to de-escalate and reconnect after a fight.' })
  repairHabits!: CitedNoteType[];

  @Field(() => [ID], { description: CITATIONS })
  citations!: string[];
}

@ObjectType('PersonaTraits', {
  description: 'What one analysis found about a person, every statement with the imported messages that support it.',
})
export class PersonaTraitsType {
  @Field({ description: 'A short portrait, for people.' })
  summary!: string;

  @Field(() => BigFiveTraitsType, { nullable: true, description: 'The Big Five; null when the analysis gave none.' })
  bigFive!: BigFiveTraitsType | null;

  @Field(() => AttachmentAssessmentType, { nullable: true, description: 'Attachment style; null when the analysis gave no usable one.' })
  attachmentStyle!: AttachmentAssessmentType | null;

  @Field(() => [LoveLanguageWeightType], { description: 'Love languages that show, heaviest first.' })
  loveLanguages!: LoveLanguageWeightType[];

  @Field(() => CommunicationStyleType, { nullable: true, description: 'Communication style; null when the analysis gave none.' })
  communicationStyle!: CommunicationStyleType | null;

  @Field(() => ConflictStyleType, { nullable: true, description: 'Conflict style; null when the analysis gave none.' })
  conflictStyle!: ConflictStyleType | null;

  @Field(() => [CitedNoteType], { description: 'What they care about (family, honesty, career…).' })
  values!: CitedNoteType[];

  @Field(() => [CitedNoteType], { description: 'What they like doing or talking about.' })
  interests!: CitedNoteType[];

  @Field(() => [CitedNoteType], { description: 'Healthy relationship signs.' })
  greenFlags!: CitedNoteType[];

  @Field(() => [CitedNoteType], { description: 'Warning signs.' })
  redFlags!: CitedNoteType[];

  /** The stored profile JSON, read defensively (see the top of this file). */
  static from(stored: Record<string, unknown>): PersonaTraitsType {
    return Object.assign(new PersonaTraitsType(), {
      summary: text(stored.summary) ?? '',
      bigFive: bigFive(stored.bigFive),
      attachmentStyle: attachment(stored.attachmentStyle),
      loveLanguages: list(stored.loveLanguages, loveLanguage).sort((a, b) => b.weight - a.weight),
      communicationStyle: communication(stored.communicationStyle),
      conflictStyle: conflict(stored.conflictStyle),
      values: notes(stored.values, 'value'),
      interests: notes(stored.interests, 'interest'),
      greenFlags: notes(stored.greenFlags, 'flag'),
      redFlags: notes(stored.redFlags, 'flag'),
    });
  }
}

type Json = Record<string, unknown>;
const object = (v: unknown): Json | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const citations = (v: unknown): string[] => (Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string') : []);
const list = <T>(v: unknown, read: (item: unknown) => T | null): T[] => (Array.isArray(v) ? v.map(read).filter((x): x is T => x !== null) : []);
/** 'fearful-avoidant' → FEARFUL_AVOIDANT, if it is one of the enum's values. */
const enumValue = <E extends string>(values: Record<string, E>, v: unknown): E | null => {
  const key = typeof v === 'string' ? v.trim().toUpperCase().replace(/[-\s]+/g, '_') : '';
  return Object.hasOwn(values, key) ? values[key]! : null;
};

function trait(v: unknown): TraitScoreType | null {
  const o = object(v);
  const score = num(o?.score);
  const confidence = num(o?.confidence);
  if (score === null || confidence === null) return null;
  return Object.assign(new TraitScoreType(), { score, confidence, citations: citations(o!.citations) });
}

function bigFive(v: unknown): BigFiveTraitsType | null {
  const o = object(v);
  if (!o) return null;
  return Object.assign(new BigFiveTraitsType(), {
    openness: trait(o.openness),
    conscientiousness: trait(o.conscientiousness),
    extraversion: trait(o.extraversion),
    agreeableness: trait(o.agreeableness),
    neuroticism: trait(o.neuroticism),
  });
}

function attachment(v: unknown): AttachmentAssessmentType | null {
  const o = object(v);
  const style = enumValue(AttachmentStyle, o?.style);
  const confidence = num(o?.confidence);
  if (!style || confidence === null) return null;
  return Object.assign(new AttachmentAssessmentType(), { style, confidence, citations: citations(o!.citations) });
}

function loveLanguage(v: unknown): LoveLanguageWeightType | null {
  const o = object(v);
  const language = enumValue(LoveLanguage, o?.language);
  const weight = num(o?.weight);
  if (!language || weight === null) return null;
  return Object.assign(new LoveLanguageWeightType(), { language, weight, citations: citations(o!.citations) });
}

function communication(v: unknown): CommunicationStyleType | null {
  const o = object(v);
  if (!o) return null;
  const [directness, warmth, humor] = [num(o.directness), num(o.warmth), num(o.humor)];
  if (directness === null || warmth === null || humor === null) return null;
  return Object.assign(new CommunicationStyleType(), { summary: text(o.summary) ?? '', directness, warmth, humor, citations: citations(o.citations) });
}

function conflict(v: unknown): ConflictStyleType | null {
  const o = object(v);
  if (!o) return null;
  const [criticism, contempt, defensiveness, stonewalling] = [num(o.criticism), num(o.contempt), num(o.defensiveness), num(o.stonewalling)];
  if (criticism === null || contempt === null || defensiveness === null || stonewalling === null) return null;
  return Object.assign(new ConflictStyleType(), {
    criticism,
    contempt,
    defensiveness,
    stonewalling,
    repairHabits: notes(o.repairHabits, 'habit'),
    citations: citations(o.citations),
  });
}

/** Items like `{ value: "family", citations: [...] }`; the label's key differs per list. */
function notes(v: unknown, key: string): CitedNoteType[] {
  return list(v, (item) => {
    const o = object(item);
    const label = text(o?.[key]);
    return label === null ? null : Object.assign(new CitedNoteType(), { text: label, citations: citations(o!.citations) });
  });
}
