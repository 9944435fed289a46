import { emojiUsage, type EmojiUsage } from './emoji-usage';
import { frequentPhrases, type FrequentPhrase } from './frequent-phrases';
import { languageMix, type StyleLanguage } from './language-mix';
import { laughterProfile, type LaughterProfile } from '../../../kernel/measures/laughter';
import { isMediaPlaceholder } from './media-placeholder';
import { lengthProfile, type LengthProfile } from './message-length';
import { punctuationHabits, questionRate, type PunctuationHabits } from './punctuation-habits';
import { replyTimeProfile, type ReplyTimeProfile } from './reply-time';
import { representativeSamples } from './representative-samples';

/** One chat message, the whole conversation in order; fromPersona marks the person modelled. */
export interface StyleMessage {
  text: string;
  sentAt: Date | null;
  fromPersona: boolean;
}

/**
 * How a person writes, measured without a model. Every rate is a share of the persona's text
 * messages (0..1). Plain JSON: it is stored on the persona and compared by styleDistance.
 * A type alias rather than an interface so it fits a `Record<string, unknown>` JSON column.
 */
export type StyleFingerprint = {
  /** The persona's text messages measured (media placeholders and empty lines left out). */
  messageCount: number;
  length: LengthProfile;
  emoji: EmojiUsage;
  punctuation: PunctuationHabits;
  /** Share of messages that ask something (? or ？, or a 吗/呢/吧 ending). */
  questionRate: number;
  languages: { lang: StyleLanguage; share: number }[];
  /** Null when no reply delay could be measured (no timestamps, or no turn changes). */
  replyTime: ReplyTimeProfile | null;
  frequentPhrases: FrequentPhrase[];
  laughter: LaughterProfile;
  samples: string[];
};

export function computeStyleFingerprint(messages: readonly StyleMessage[]): StyleFingerprint {
  const texts = messages
    .filter((m) => m.fromPersona)
    .map((m) => m.text.trim())
    .filter((text) => text !== '' && !isMediaPlaceholder(text));
  return {
    messageCount: texts.length,
    length: lengthProfile(texts),
    emoji: emojiUsage(texts),
    punctuation: punctuationHabits(texts),
    questionRate: questionRate(texts),
    languages: languageMix(texts),
    // A photo sent in reply is still a reply, so timing uses every message, placeholders too.
    replyTime: replyTimeProfile(messages),
    frequentPhrases: frequentPhrases(texts),
    laughter: laughterProfile(texts),
    samples: representativeSamples(texts),
  };
}
