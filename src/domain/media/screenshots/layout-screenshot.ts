import type { OcrLine } from '../../../ports/ocr-engine.port';
import { parseChatTimestamp } from './chat-timestamp';
import { colourDistance, hex, type ImagePixels, type Rgb } from './image-pixels';
import type { BubbleSide, ScreenshotItem } from './screenshot-items';

/** Notices chat apps draw between messages that nobody wrote (Chinese and English). */
const SYSTEM_LINE = /以下[为是]新消息|撤回了一条消息|拍了拍|加入了群聊|开启了朋友验证|以上是打招呼的内容|消息已发出，但被对方拒收|recalled a message|unsent a message|new messages|messages and calls are end-to-end encrypted|you deleted this message|this message was deleted/i;

/** Colours closer than this (RGB distance) are the same bubble or background colour. */
const SAME_COLOUR = 28;

export interface LayoutResult {
  items: ScreenshotItem[];
  /** Lines dropped as not written by anyone: notices, the title bar, centred grey lines that are not times. */
  droppedSystemLines: number;
}

interface BubbleLine {
  line: OcrLine;
  colour: Rgb;
  cluster: number;
}

interface Bubble {
  lines: BubbleLine[];
  cluster: number;
  left: number;
  right: number;
  item: Extract<ScreenshotItem, { kind: 'message' }>;
}

/**
 * Turns one screenshot's OCR lines into messages and time separators. A line sits in a bubble
 * when the colour just outside its text differs from the page background; lines on the
 * background are time separators when they are centred and read as a time, else system
 * notices, which are dropped, as are known notices anywhere and the phone's status bar.
 * Lines of one bubble (same colour, close below each other, same left edge) are joined.
 * Speakers come from position and colour together: chat apps align the other person's
 * bubbles to one left edge and the owner's to one right edge, so a bubble at the left edge
 * only is LEFT and at the right edge only is RIGHT; bubble colours are clustered and each
 * colour takes the side most of its clearly placed bubbles have, which decides a message
 * wide enough to touch both edges. When one colour sits on both sides (apps that draw every
 * bubble white) position alone decides.
 */
export function layoutScreenshot(lines: OcrLine[], pixels: ImagePixels, options: { reference: Date; offsetMinutes: number }): LayoutResult {
  const { width, height } = pixels;
  const background = pageBackground(pixels);
  const items: ScreenshotItem[] = [];
  const bubbles: Bubble[] = [];
  const clusters: Rgb[] = [];
  let dropped = 0;
  let open: Bubble | undefined;

  for (const line of lines) {
    const { left, right, top, bottom } = line.box;
    // The phone's status bar (clock, battery) is not part of the chat.
    if (bottom < height * 0.03 || SYSTEM_LINE.test(line.text)) {
      dropped++;
      open = undefined;
      continue;
    }
    const colour = colourAround(pixels, line, background);
    if (!colour) {
      open = undefined;
      // Separators are centred; a time elsewhere on the page is the phone's clock or a toolbar.
      const centred = Math.abs((left + right) / 2 - width / 2) < width * 0.1;
      const at = centred ? parseChatTimestamp(line.text, options.reference, options.offsetMinutes) : null;
      if (at) items.push({ kind: 'time', at, label: line.text });
      else dropped++;
      continue;
    }
    let cluster = clusters.findIndex((c) => colourDistance(c, colour) <= SAME_COLOUR);
    if (cluster < 0) cluster = clusters.push(colour) - 1;
    const entry: BubbleLine = { line, colour, cluster };
    const previous = open?.lines.at(-1)?.line;
    const lineHeight = bottom - top;
    if (open && previous && open.cluster === cluster && top - previous.box.bottom < lineHeight * 0.6 && Math.abs(left - previous.box.left) < width * 0.03) {
      open.lines.push(entry);
      open.left = Math.min(open.left, left);
      open.right = Math.max(open.right, right);
      open.item.text = joinLines(open.item.text, line.text);
      continue;
    }
    const item: Extract<ScreenshotItem, { kind: 'message' }> = { kind: 'message', side: 'LEFT', text: line.text, colour: hex(colour) };
    open = { lines: [entry], cluster, left, right, item };
    bubbles.push(open);
    items.push(item);
  }

  // The two edges bubbles align to; an edge far from its side of the screen is no edge.
  const tolerance = width * 0.04;
  const leftEdge = Math.min(...bubbles.map((b) => b.left));
  const rightEdge = Math.max(...bubbles.map((b) => b.right));
  const placed = bubbles.map((b): BubbleSide | null => {
    const atLeft = leftEdge < width * 0.3 && b.left - leftEdge < tolerance;
    const atRight = rightEdge > width * 0.7 && rightEdge - b.right < tolerance;
    return atLeft === atRight ? null : atLeft ? 'LEFT' : 'RIGHT';
  });
  const colourSide = clusters.map((_, i) => sideOfColour(placed.filter((_, j) => bubbles[j]!.cluster === i)));
  bubbles.forEach((b, i) => {
    b.item.side = placed[i] ?? colourSide[b.cluster] ?? (b.left <= width - b.right ? 'LEFT' : 'RIGHT');
  });
  return { items, droppedSystemLines: dropped };
}

/**
 * The colour just outside a line's text (its bubble), or null when that is the page. Four
 * points, two each side, and the commonest colour wins: a tight OCR box may put one point on
 * a glyph, and a wide reach may leave a small bubble.
 */
function colourAround(pixels: ImagePixels, line: OcrLine, background: Rgb): Rgb | null {
  const { left, right, top, bottom } = line.box;
  const middle = (top + bottom) / 2;
  const reach = Math.max(2, Math.round((bottom - top) * 0.25));
  const samples = [pixels.sample(left - reach, middle), pixels.sample(left - 2 * reach, middle), pixels.sample(right + reach, middle), pixels.sample(right + 2 * reach, middle)];
  let best: Rgb = background;
  let bestCount = 0;
  for (const s of samples) {
    const count = samples.filter((o) => colourDistance(o, s) <= SAME_COLOUR).length;
    const isPage = colourDistance(s, background) <= SAME_COLOUR;
    // Ties go to a bubble colour: the page only wins outright.
    if (count > bestCount || (count === bestCount && !isPage)) [best, bestCount] = [s, count];
  }
  return colourDistance(best, background) <= SAME_COLOUR ? null : best;
}

/** The side a bubble colour belongs to, or null when that colour is used on both sides (or never clearly placed). */
function sideOfColour(placed: (BubbleSide | null)[]): BubbleSide | null {
  const left = placed.filter((p) => p === 'LEFT').length;
  const right = placed.filter((p) => p === 'RIGHT').length;
  const votes = left + right;
  if (votes === 0 || Math.max(left, right) / votes < 0.8) return null;
  return left > right ? 'LEFT' : 'RIGHT';
}

/** The page colour: the commonest colour down the left edge, where no text is. */
function pageBackground(pixels: ImagePixels): Rgb {
  const samples: Rgb[] = [];
  for (let i = 1; i < 20; i++) samples.push(pixels.sample(1, (pixels.height * i) / 20));
  let best = samples[0]!;
  let bestCount = 0;
  for (const s of samples) {
    const count = samples.filter((o) => colourDistance(o, s) <= SAME_COLOUR).length;
    if (count > bestCount) [best, bestCount] = [s, count];
  }
  return best;
}

/** Joins the wrapped lines of one bubble: a space between Latin words, nothing between CJK characters. */
export function joinLines(a: string, b: string): string {
  return /[\p{Script=Latin}\d,.!?;:'")\]]$/u.test(a) && /^[\p{Script=Latin}\d("'[]/u.test(b) ? `${a} ${b}` : `${a}${b}`;
}
