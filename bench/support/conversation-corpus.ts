import type { ConversationMessage } from '../../src/kernel/measures';
import { ALL_COUPLES } from '../../src/kernel/measures/fixtures/couples';
import { seededRandom } from './memory-corpus';

/**
 * A long two-party chat for the measures benchmark, built from the hand-written test couples
 * (warm, hostile, stonewalling, drifting; English, Chinese and mixed) taken in a seeded random
 * order, with their own gaps between lines and a day between couples. Two speakers throughout
 * ("Alex" for each couple's first speaker, "Mei" for the other). The lines repeat, but no
 * measure caches by text, so repetition does not flatter the figure.
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
