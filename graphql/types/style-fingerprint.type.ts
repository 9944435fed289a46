/**
 * The persona's measured writing style (src/domain/personas/style), typed. Rates are shares
 * of the persona's text messages, 0–1. Samples and habitual phrases are the person's own
 * words, so only the persona's owner sees them (see `StyleFingerprintType.from`).
 */
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { StyleFingerprint, StyleLanguage as DomainStyleLanguage } from '../../src/domain/personas/style';

export enum StyleLanguage {
  ZH = 'zh',
  EN = 'en',
  JA = 'ja',
  OTHER = 'other',
}
registerEnumType(StyleLanguage, {
  name: 'StyleLanguage',
  description: 'A message’s dominant language by script: ZH Han, JA with kana, EN Latin script, OTHER any other letters.',
  valuesConfig: {
    ZH: { description: 'Chinese (Han characters, no kana).' },
    EN: { description: 'English, or other Latin-script text.' },
    JA: { description: 'Japanese (with kana).' },
    OTHER: { description: 'Any other script.' },
  },
});

@ObjectType('LengthBucket', { description: 'Share of messages up to a length.' })
export class LengthBucketType {
  @Field(() => Int, { nullable: true, description: 'Upper bound in characters (inclusive); null for the last, open bucket.' })
  upTo!: number | null;

  @Field(() => Float, { description: 'Share of messages in this bucket (above the previous bound), 0–1.' })
  share!: number;
}

@ObjectType('MessageLengthProfile', { description: 'How long the persona’s messages are, in characters (graphemes: an emoji or a Chinese character is one).' })
export class MessageLengthProfileType {
  @Field(() => Float, { description: 'Mean characters per message.' })
  meanChars!: number;

  @Field(() => Float, { description: 'Median characters per message.' })
  medianChars!: number;

  @Field(() => Float, { description: '90th percentile of characters per message.' })
  p90Chars!: number;

  @Field(() => [LengthBucketType], { description: 'Length histogram (5, 10, 20, 40, 80, 160, more); shares sum to 1 (or all 0).' })
  histogram!: LengthBucketType[];
}

@ObjectType('EmojiCount', { description: 'One emoji and how often it was used.' })
export class EmojiCountType {
  @Field({ description: 'The emoji (one grapheme).' })
  emoji!: string;

  @Field(() => Int, { description: 'Times used across the persona’s messages.' })
  count!: number;
}

@ObjectType('EmojiUsage', { description: 'Emoji habits.' })
export class EmojiUsageType {
  @Field(() => Float, { description: 'Emoji per message (all emoji / messages).' })
  perMessage!: number;

  @Field(() => [EmojiCountType], { description: 'The most used emoji (up to 10), most frequent first.' })
  top!: EmojiCountType[];
}

@ObjectType('PunctuationHabits', { description: 'Punctuation habits; half- and full-width forms (！？～…) count alike.' })
export class PunctuationHabitsType {
  @Field(() => Float, { description: 'Share of messages with ! or ！.' })
  exclamationRate!: number;

  @Field(() => Float, { description: 'Share of messages with ? or ？.' })
  questionRate!: number;

  @Field(() => Float, { description: 'Share of messages with an ellipsis (..., …, 。。。).' })
  ellipsisRate!: number;

  @Field(() => Float, { description: 'Share of messages with a tilde (~, ～).' })
  tildeRate!: number;

  @Field(() => Float, { description: 'Among messages with text besides emoji: share that end without a punctuation mark.' })
  noFinalPunctuationRate!: number;
}

@ObjectType('LanguageShare', { description: 'Share of the persona’s messages in one language.' })
export class LanguageShareType {
  @Field(() => StyleLanguage, { description: 'The language, by script.' })
  lang!: DomainStyleLanguage;

  @Field(() => Float, { description: 'Share of messages, 0–1.' })
  share!: number;
}

@ObjectType('ReplyTimeProfile', {
  description: 'How long the persona takes to answer: for each turn change to the persona, the delay after the other side’s last message. Gaps over 12 h, negative gaps and untimed messages are left out.',
})
export class ReplyTimeProfileType {
  @Field(() => Float, { description: 'Median delay in seconds.' })
  medianSeconds!: number;

  @Field(() => Float, { description: '90th percentile delay in seconds.' })
  p90Seconds!: number;

  @Field(() => Int, { description: 'Replies measured.' })
  sampleSize!: number;
}

@ObjectType('FrequentPhrase', { description: 'A habitual phrase: said in at least two messages.' })
export class FrequentPhraseType {
  @Field({ description: 'The phrase (English word n-gram or Chinese character run).' })
  phrase!: string;

  @Field(() => Int, { description: 'Messages that contain it.' })
  count!: number;
}

@ObjectType('LaughterProfile', { description: 'How the persona laughs in text.' })
export class LaughterProfileType {
  @Field(() => Float, { description: 'Share of messages that laugh (haha, 哈哈, lol, 😂…).' })
  rate!: number;

  @Field(() => [String], { description: 'Forms used, most frequent first.' })
  forms!: string[];
}

@ObjectType('StyleFingerprint', {
  description: 'How the person writes, measured from their imported messages without a model (src/domain/personas/style). Recomputed on every import.',
})
export class StyleFingerprintType {
  @Field(() => Int, { description: 'The persona’s text messages measured (media placeholders and empty lines left out).' })
  messageCount!: number;

  @Field(() => MessageLengthProfileType, { description: 'Message length.' })
  length!: MessageLengthProfileType;

  @Field(() => EmojiUsageType, { description: 'Emoji use.' })
  emoji!: EmojiUsageType;

  @Field(() => PunctuationHabitsType, { description: 'Punctuation habits.' })
  punctuation!: PunctuationHabitsType;

  @Field(() => Float, { description: 'Share of messages that ask something (? or ？, or a 吗/呢/吧 ending).' })
  questionRate!: number;

  @Field(() => [LanguageShareType], { description: 'Languages written, largest share first.' })
  languages!: LanguageShareType[];

  @Field(() => ReplyTimeProfileType, { nullable: true, description: 'Reply delay; null when none could be measured (no timestamps, or no turn changes).' })
  replyTime!: ReplyTimeProfileType | null;

  @Field(() => [FrequentPhraseType], {
    nullable: true,
    description: 'Habitual phrases, most frequent first. Fragments of the person’s messages: null unless you own the persona (analysts and admins reading it get null).',
  })
  frequentPhrases!: FrequentPhraseType[] | null;

  @Field(() => LaughterProfileType, { description: 'Laughter.' })
  laughter!: LaughterProfileType;

  @Field(() => [String], {
    nullable: true,
    description: 'Representative messages the person really wrote (up to 8, varied in length and content). Null unless you own the persona (analysts and admins reading it get null).',
  })
  samples!: string[] | null;

  /**
   * The stored JSON as the API type, or null when it is not a measured fingerprint: nothing
   * imported yet, or the fields a Character Card import keeps there (samples and a summary,
   * no measurements). `withText` is false for anyone but the owner: the person's words stay
   * with the user who had the right to upload them.
   */
  static from(stored: Record<string, unknown> | null, options: { withText: boolean }): StyleFingerprintType | null {
    if (!isMeasured(stored)) return null;
    const f: Omit<StyleFingerprintType, 'frequentPhrases' | 'samples'> & Pick<StyleFingerprint, 'frequentPhrases' | 'samples'> = stored;
    return Object.assign(new StyleFingerprintType(), f, {
      frequentPhrases: options.withText ? (f.frequentPhrases ?? []) : null,
      samples: options.withText ? (f.samples ?? []) : null,
    });
  }
}

function isMeasured(stored: Record<string, unknown> | null): stored is StyleFingerprint {
  return (
    stored !== null &&
    typeof stored.messageCount === 'number' &&
    stored.messageCount > 0 &&
    ['length', 'emoji', 'punctuation', 'laughter'].every((key) => typeof stored[key] === 'object' && stored[key] !== null) &&
    Array.isArray(stored.languages)
  );
}
