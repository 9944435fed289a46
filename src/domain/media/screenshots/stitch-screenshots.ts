import type { BubbleSide, ScreenshotItem, ScreenshotMessage } from './screenshot-items';

export interface StitchResult {
  messages: ScreenshotMessage[];
  /** Messages dropped because the next screenshot showed them again. */
  overlapsRemoved: number;
  timeSeparators: number;
}

const normal = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/**
 * Stitches the screenshots of one conversation, given in order (top of the chat first), into
 * one message list. Consecutive screenshots usually overlap: the longest run of messages that
 * ends the conversation so far and starts the next screenshot is shown once. A bubble cut by
 * a screenshot's edge shows only part of its text: the first message of the run may be cut
 * at the top of the next screenshot (it only has to end the same way), and the last one at
 * the bottom of the previous (it only has to start the same way; the fuller text is kept).
 * Each message takes the time of the nearest separator above it, across screenshots.
 */
export function stitchScreenshots(screens: { screenshotId: string; items: ScreenshotItem[] }[]): StitchResult {
  const messages: ScreenshotMessage[] = [];
  let overlapsRemoved = 0;
  let timeSeparators = 0;
  let currentTime: Date | null = null;
  for (const screen of screens) {
    const incoming = screen.items.filter((i): i is Extract<ScreenshotItem, { kind: 'message' }> => i.kind === 'message');
    const overlap = longestOverlap(messages, incoming);
    overlapsRemoved += overlap;
    if (overlap > 0) {
      // The previous screenshot may have cut its last bubble: keep the fuller reading.
      const last = messages[messages.length - 1]!;
      const again = incoming[overlap - 1]!;
      if (normal(again.text).length > normal(last.text).length) last.text = again.text;
    }
    let seen = 0;
    for (const item of screen.items) {
      if (item.kind === 'time') {
        // A separator inside the overlap was already applied; one after it moves the clock on.
        if (seen >= overlap) {
          currentTime = item.at;
          timeSeparators++;
        }
        continue;
      }
      seen++;
      if (seen <= overlap) continue;
      messages.push({ index: messages.length, side: item.side, text: item.text, sentAt: currentTime, screenshotId: screen.screenshotId });
    }
  }
  return { messages, overlapsRemoved, timeSeparators };
}

function longestOverlap(done: { side: BubbleSide; text: string }[], next: { side: BubbleSide; text: string }[]): number {
  for (let k = Math.min(done.length, next.length); k >= 1; k--) {
    const tail = done.slice(done.length - k);
    const matches = tail.every((m, i) => {
      const n = next[i]!;
      const [seen, shown] = [normal(m.text), normal(n.text)];
      if (m.side !== n.side || !seen || !shown) return false;
      if (seen === shown) return true;
      // Cut at the top of the next screenshot, or at the bottom of the previous one.
      return (i === 0 && seen.endsWith(shown)) || (i === k - 1 && shown.startsWith(seen));
    });
    if (matches) return k;
  }
  return 0;
}
