/**
 * Warmth and rapport markers per speaker: how many of a speaker's messages show gratitude,
 * apology, agreement, disagreement, laughter, self-disclosure, affection and we-talk, citing
 * them (n = the speaker's messages). Each is a stated word list (warmth-lexicon.ts), tested
 * once per message; a message can carry several markers ("haha yes, thank you ❤️").
 *
 * Laughter is any written laughter form of laughter.ts (`laughs`: the forms of laughterFormsIn
 * in one pattern, one test per message) except a message that is only 呵呵,
 * which in Chinese chat reads as a cold brush-off rather than a laugh (gottman-lexicon.ts
 * counts it as contempt).
 */
import { countMeasure, type PreparedConversation, type PreparedMessage } from './conversation';
import type { WarmthMarkers } from './conversation-measures';
import { laughs } from './laughter';
import { AFFECTION, AGREEMENT, APOLOGY, DISAGREEMENT, GRATITUDE, SELF_DISCLOSURE, WE_TALK } from './warmth-lexicon';

const BARE_HEHE = /^[\s\p{P}]*呵{2,}[\s\p{P}]*$/u;

const MARKERS: [keyof WarmthMarkers, (m: PreparedMessage) => boolean][] = [
  ['gratitude', (m) => GRATITUDE.matches(m)],
  ['apology', (m) => APOLOGY.matches(m)],
  ['agreement', (m) => AGREEMENT.matches(m)],
  ['disagreement', (m) => DISAGREEMENT.matches(m)],
  ['laughter', (m) => laughs(m.text) && !BARE_HEHE.test(m.text)],
  ['selfDisclosure', (m) => SELF_DISCLOSURE.matches(m)],
  ['affection', (m) => AFFECTION.matches(m)],
  ['weTalk', (m) => WE_TALK.matches(m)],
];

export function warmthMarkers(conv: PreparedConversation): [WarmthMarkers, WarmthMarkers] {
  const bySide: [PreparedMessage[], PreparedMessage[]] = [[], []];
  const hits = new Map<keyof WarmthMarkers, [PreparedMessage[], PreparedMessage[]]>(MARKERS.map(([key]) => [key, [[], []]]));
  // Each marker's test beside its hit lists: this loop runs 8 × every message.
  const checks = MARKERS.map(([key, test]) => ({ test, hits: hits.get(key)! }));
  for (const m of conv.messages) {
    bySide[m.side].push(m);
    for (let k = 0; k < checks.length; k++) if (checks[k].test(m)) checks[k].hits[m.side].push(m);
  }
  const side = (s: 0 | 1): WarmthMarkers => {
    const measure = (key: keyof WarmthMarkers) => countMeasure(bySide[s], hits.get(key)![s]);
    return {
      gratitude: measure('gratitude'),
      apology: measure('apology'),
      agreement: measure('agreement'),
      disagreement: measure('disagreement'),
      laughter: measure('laughter'),
      selfDisclosure: measure('selfDisclosure'),
      affection: measure('affection'),
      weTalk: measure('weTalk'),
    };
  };
  return [side(0), side(1)];
}
