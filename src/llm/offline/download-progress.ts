/** Receives byte counts while something large is fetched or hashed. */
export interface ProgressReporter {
  update(doneBytes: number): void;
  finish(): void;
}

export interface ProgressOptions {
  label: string;
  totalBytes: number;
  /** Defaults to process.stderr. */
  stream?: NodeJS.WriteStream;
  /** Where line-mode progress goes instead of the stream (e.g. a logger). */
  log?: (line: string) => void;
}

const BAR_WIDTH = 30;
const TTY_REDRAW_MS = 100;

/**
 * A redrawn progress bar on a terminal; on anything else (CI logs, a logger) a line at every
 * 10%, so logs stay readable instead of filling with carriage returns.
 */
export function createProgressReporter(options: ProgressOptions): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  const started = Date.now();
  const total = Math.max(1, options.totalBytes);
  const interactive = !options.log && stream.isTTY === true;
  let lastDraw = 0;
  let lastDecile = -1;

  const describe = (done: number) => {
    const fraction = Math.min(1, done / total);
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    return `${(fraction * 100).toFixed(0).padStart(3)}% ${mb(done)}/${mb(total)} MB ${(done / 1e6 / seconds).toFixed(1)} MB/s`;
  };

  return {
    update(done) {
      if (interactive) {
        const now = Date.now();
        if (now - lastDraw < TTY_REDRAW_MS) return;
        lastDraw = now;
        const filled = Math.round(Math.min(1, done / total) * BAR_WIDTH);
        stream.write(`\r${options.label} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${describe(done)}`);
        return;
      }
      const decile = Math.floor(Math.min(1, done / total) * 10);
      if (decile === lastDecile) return;
      lastDecile = decile;
      const line = `${options.label}: ${describe(done)}`;
      if (options.log) options.log(line);
      else stream.write(`${line}\n`);
    },
    finish() {
      if (interactive) stream.write(`\r${options.label} [${'#'.repeat(BAR_WIDTH)}] ${describe(total)}\n`);
    },
  };
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}
