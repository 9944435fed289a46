import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** One row of a rendered chat: a bubble on a side, or a centred grey line (time, system notice). */
export type ChatRow = { side: 'left' | 'right'; text: string } | { center: string };

/** Where the machine's Chromium lives (Debian's `chromium` package), or undefined. */
export const CHROMIUM_PATH = ['/usr/bin/chromium', '/usr/bin/chromium-browser', process.env.CHROMIUM_PATH].find((p) => p && existsSync(p));

/** Whether a Chinese font is installed (without one Chromium draws Chinese as empty boxes). */
export const CJK_FONT_AVAILABLE = (() => {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
})();

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A WeChat-like chat page: grey background, white bubbles on the left, green on the right. */
export function chatPageHtml(title: string, rows: ChatRow[]): string {
  const body = rows
    .map((row) =>
      'center' in row
        ? `<div class="center">${escape(row.center)}</div>`
        : `<div class="row ${row.side}"><div class="avatar"></div><div class="bubble">${escape(row.text)}</div></div>`,
    )
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; background: #ededed; font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "DejaVu Sans", sans-serif; font-size: 17px; width: 420px; }
    .title { background: #ededed; text-align: center; padding: 34px 0 12px; font-weight: 600; border-bottom: 1px solid #d6d6d6; }
    .list { padding: 8px 10px 16px; }
    .center { text-align: center; color: #9a9a9a; font-size: 13px; margin: 14px 0; }
    .row { display: flex; align-items: flex-start; margin: 14px 0; }
    .row.right { flex-direction: row-reverse; }
    .avatar { width: 38px; height: 38px; border-radius: 4px; background: #8aa4c8; flex: none; }
    .row.right .avatar { background: #c89a8a; }
    .bubble { max-width: 250px; padding: 9px 12px; border-radius: 5px; margin: 0 10px; line-height: 1.45; color: #111; background: #fff; }
    .row.right .bubble { background: #95ec69; }
  </style></head><body><div class="title">${escape(title)}</div><div class="list">${body}</div></body></html>`;
}

/** Renders chat pages to PNG screenshots with headless Chromium (one browser for all). */
export class ChatScreenshotRenderer {
  private constructor(private readonly browser: Browser) {}

  static async start(): Promise<ChatScreenshotRenderer> {
    if (!CHROMIUM_PATH) throw new Error('no Chromium: apt-get install -y chromium');
    return new ChatScreenshotRenderer(await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] }));
  }

  async render(title: string, rows: ChatRow[]): Promise<Buffer> {
    const page = await this.browser.newPage({ viewport: { width: 420, height: 300 }, deviceScaleFactor: 2 });
    try {
      await page.setContent(chatPageHtml(title, rows));
      return await page.screenshot({ fullPage: true, type: 'png' });
    } finally {
      await page.close();
    }
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
