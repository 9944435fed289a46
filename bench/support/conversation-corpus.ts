import type { ConversationMessage } from '../../src/kernel/measures';
import { ALL_COUPLES } from '../../src/kernel/measures/fixtures/couples';
import { seededRandom } from './memory-corpus';

/**
 * A long two-party chat for the measures benchmark, built from the hand-written test couples
 * (warm, hostile, stonewalling, drifting; English, Chinese and mixed) taken in a seeded random
 * order, with their own gaps between lines and a day between couples. Two speakers throughout
 * ("Alex" for each couple's first speaker, "Mei" for the other). The lines repeat (288
 * distinct texts), which flatters the measures' per-transcript clause reuse and token caches:
 * `variedChat` below is the harder case.
 */
export function longChat(messages: number, seed = 2026): ConversationMessage[] {
  const random = seededRandom(seed);
  const couples = Object.values(ALL_COUPLES);
  const out: ConversationMessage[] = [];
  let time = Date.UTC(2025, 0, 1, 9);
  while (out.length < messages) {
    const couple = couples[Math.floor(random() * couples.length)];
    const first = couple[0].speaker;
    let previous = couple[0].sentAt!.getTime();
    time += 86_400_000;
    for (const m of couple) {
      if (out.length === messages) break;
      time += m.sentAt!.getTime() - previous;
      previous = m.sentAt!.getTime();
      out.push({ id: `m${out.length + 1}`, speaker: m.speaker === first ? 'Alex' : 'Mei', text: m.text, sentAt: new Date(time) });
    }
  }
  return out;
}

/**
 * The same chat with its Chinese reworded: each Chinese word is swapped, with probability
 * one half, for another word of the same length from the couples' own vocabulary. Lines and
 * clauses then rarely repeat (a long clause almost never; a one-word clause such as 好的 half
 * the time), so the measures cannot lean on a transcript that says the same thing over and
 * over. The English stays as written: no measure reuses work across English lines.
 */
export function variedChat(messages: number, seed = 2026): ConversationMessage[] {
  const random = seededRandom(seed ^ 0x5eed);
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const byLength = new Map<number, string[]>();
  for (const couple of Object.values(ALL_COUPLES)) {
    for (const m of couple) {
      for (const s of segmenter.segment(m.text)) {
        if (!s.isWordLike || !/^\p{Script=Han}+$/u.test(s.segment)) continue;
        const same = byLength.get(s.segment.length) ?? [];
        if (!same.includes(s.segment)) same.push(s.segment);
        byLength.set(s.segment.length, same);
      }
    }
  }
  return longChat(messages, seed).map((m) => {
    if (!/\p{Script=Han}/u.test(m.text)) return m;
    let text = '';
    for (const s of segmenter.segment(m.text)) {
      const options = s.isWordLike && /^\p{Script=Han}+$/u.test(s.segment) ? byLength.get(s.segment.length) : undefined;
      text += options && random() < 0.5 ? options[Math.floor(random() * options.length)] : s.segment;
    }
    return { ...m, text };
  });
}
