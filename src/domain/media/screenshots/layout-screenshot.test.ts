import type { OcrLine } from '../../../ports/ocr-engine.port';
import type { ImagePixels, Rgb } from './image-pixels';
import { joinLines, layoutScreenshot } from './layout-screenshot';
import { stitchScreenshots } from './stitch-screenshots';

const GREY: Rgb = [237, 237, 237];
const WHITE: Rgb = [255, 255, 255];
const GREEN: Rgb = [149, 236, 105];

/** A drawn chat: bubbles are coloured rectangles on a grey page; text lines sit inside them. */
function chat(rows: ({ side: 'L' | 'R' | 'C'; text: string | string[]; colour?: Rgb; wide?: boolean })[]) {
  const width = 800;
  const lines: OcrLine[] = [];
  const rects: { l: number; t: number; r: number; b: number; c: Rgb }[] = [];
  let y = 100;
  for (const row of rows) {
    const texts = Array.isArray(row.text) ? row.text : [row.text];
    const w = row.wide ? 560 : Math.min(500, 40 + 18 * Math.max(...texts.map((t) => t.length)));
    const left = row.side === 'L' ? 120 : row.side === 'R' ? width - 120 - w : (width - w) / 2;
    const top = y;
    for (const text of texts) {
      lines.push({ text, confidence: 0.99, box: { left: left + 20, right: left + w - 20, top: y + 16, bottom: y + 50 } });
      y += 44;
    }
    if (row.side !== 'C') rects.push({ l: left, t: top, r: left + w, b: y + 26, c: row.colour ?? (row.side === 'L' ? WHITE : GREEN) });
    y += 60;
  }
  const pixels: ImagePixels = {
    width,
    height: y + 100,
    sample: (x, yy) => rects.find((r) => x >= r.l && x <= r.r && yy >= r.t && yy <= r.b)?.c ?? GREY,
  };
  return { lines, pixels };
}

const reference = new Date('2026-03-05T04:00:00Z');
const layout = (c: ReturnType<typeof chat>) => layoutScreenshot(c.lines, c.pixels, { reference, offsetMinutes: 480 });
const said = (items: ReturnType<typeof layout>['items']) => items.map((i) => (i.kind === 'message' ? `${i.side}: ${i.text}` : `@${i.at.toISOString()}`));

describe('layoutScreenshot', () => {
  it('When bubbles sit left and right, Then each is a message of that side; wrapped lines join; times and notices are told apart', () => {
    const c = chat([
      { side: 'C', text: '昨天 21:14' },
      { side: 'L', text: '你到家了吗？' },
      { side: 'R', text: ['Just got home, the train', 'was late again'] },
      { side: 'C', text: '以下为新消息' },
      { side: 'C', text: 'Mei' },
      { side: 'L', text: ['那你早点休息，', '明天见'] },
      { side: 'R', text: 'You recalled a message' },
    ]);
    const result = layout(c);
    expect(said(result.items)).toEqual([
      '@2026-03-04T13:14:00.000Z',
      'LEFT: 你到家了吗？',
      'RIGHT: Just got home, the train was late again',
      'LEFT: 那你早点休息，明天见',
    ]);
    expect(result.droppedSystemLines).toBe(3);
  });

  it('When a long message spans the width, Then its colour decides its side', () => {
    const c = chat([
      { side: 'L', text: 'hi' },
      { side: 'R', text: 'hello' },
      { side: 'L', text: 'how are you' },
      { side: 'R', text: 'a very long message that fills the whole bubble width', wide: true },
    ]);
    // Centre the wide green bubble exactly: position alone cannot tell.
    c.lines[3]!.box.left = 140;
    c.lines[3]!.box.right = 660;
    expect(said(layout(c).items).at(-1)).toBe('RIGHT: a very long message that fills the whole bubble width');
  });

  it('When the phone clock shows at the top left, Then it is not taken for a time separator', () => {
    const c = chat([{ side: 'L', text: 'hi' }]);
    c.lines.unshift({ text: '9:41', confidence: 0.99, box: { left: 30, right: 90, top: 40, bottom: 70 } });
    const result = layout(c);
    expect(said(result.items)).toEqual(['LEFT: hi']);
    expect(result.droppedSystemLines).toBe(1);
  });

  it('When every bubble is the same colour, Then position alone decides', () => {
    const c = chat([
      { side: 'L', text: 'hi', colour: WHITE },
      { side: 'R', text: 'hello', colour: WHITE },
    ]);
    expect(said(layout(c).items)).toEqual(['LEFT: hi', 'RIGHT: hello']);
  });
});

describe('stitchScreenshots', () => {
  const msg = (side: 'LEFT' | 'RIGHT', text: string) => ({ kind: 'message' as const, side, text, colour: '#ffffff' });
  const time = (iso: string) => ({ kind: 'time' as const, at: new Date(iso), label: iso });

  it('When two screenshots overlap, Then the overlap appears once and times carry across', () => {
    const result = stitchScreenshots([
      { screenshotId: 'a', items: [time('2026-03-04T13:14:00Z'), msg('LEFT', '你到家了吗？'), msg('RIGHT', 'just got home'), msg('LEFT', '早点休息')] },
      // The first visible bubble is cut off at the top: only its end shows.
      { screenshotId: 'b', items: [msg('RIGHT', 'got home'), msg('LEFT', '早点 休息'), time('2026-03-05T02:32:00Z'), msg('RIGHT', 'good morning')] },
    ]);
    expect(result.messages.map((m) => `${m.side}: ${m.text} ${m.sentAt?.toISOString()} ${m.screenshotId}`)).toEqual([
      'LEFT: 你到家了吗？ 2026-03-04T13:14:00.000Z a',
      'RIGHT: just got home 2026-03-04T13:14:00.000Z a',
      'LEFT: 早点休息 2026-03-04T13:14:00.000Z a',
      'RIGHT: good morning 2026-03-05T02:32:00.000Z b',
    ]);
    expect(result.overlapsRemoved).toBe(2);
  });

  it('When the previous screenshot cut its last bubble, Then the fuller text is kept once', () => {
    const result = stitchScreenshots([
      { screenshotId: 'a', items: [msg('LEFT', 'are you free'), msg('RIGHT', 'Saturday works, shall we')] },
      { screenshotId: 'b', items: [msg('RIGHT', 'Saturday works, shall we go hiking?'), msg('LEFT', 'yes!')] },
    ]);
    expect(result.messages.map((m) => m.text)).toEqual(['are you free', 'Saturday works, shall we go hiking?', 'yes!']);
    expect(result.overlapsRemoved).toBe(1);
  });

  it('When screenshots do not overlap, Then nothing is dropped', () => {
    const result = stitchScreenshots([
      { screenshotId: 'a', items: [msg('LEFT', 'one')] },
      { screenshotId: 'b', items: [msg('LEFT', 'two')] },
    ]);
    expect(result.messages.map((m) => m.text)).toEqual(['one', 'two']);
    expect(result.overlapsRemoved).toBe(0);
  });
});

describe('joinLines', () => {
  it('puts a space between English words and none between Chinese characters', () => {
    expect(joinLines('the train', 'was late')).toBe('the train was late');
    expect(joinLines('那你早点休息，', '明天见')).toBe('那你早点休息，明天见');
  });
});
