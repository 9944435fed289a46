import { once } from 'node:events';

import { parse as csvParser } from 'csv-parse';

import { StudyDatasetError, type StudyTable } from './study-dataset-error';

/** A whole file, or a stream of chunks (an HTTP body). */
export type TextSource = string | AsyncIterable<string | Uint8Array>;
export type DatasetFormat = 'csv' | 'json';

export interface TableReadOptions {
  /** Data rows allowed (the header not counted). */
  maxRows?: number;
  /** Bytes allowed (UTF-8). */
  maxBytes?: number;
}

/** One data row: where it starts in the file and its cells by column name. */
export interface TableRow {
  /** CSV: the 1-based physical line the record starts on. JSON: row index + 1. */
  line: number;
  cells: Record<string, unknown>;
}

export interface TableHeader {
  /** The columns of a CSV header; null for JSON (each row has its own keys). */
  columns: string[] | null;
}

/**
 * The rows of one table, read as they arrive: CSV through csv-parse (quoted cells may hold
 * commas and newlines, a UTF-8 BOM is dropped, blank lines are skipped), JSON as an array of
 * row objects or `{ rows: [...] }` (JSON cannot be read before it is whole, so it is
 * collected first, within maxBytes). `onHeader` sees the CSV header before the first row, so
 * a missing column fails on line 1 rather than on every row.
 */
export async function* tableRows(
  source: TextSource,
  format: DatasetFormat,
  table: StudyTable,
  options: TableReadOptions,
  onHeader: (header: TableHeader) => void,
): AsyncGenerator<TableRow> {
  if (format === 'json') {
    yield* jsonRows(source, table, options, onHeader);
    return;
  }
  if (format !== 'csv') throw new StudyDatasetError(table, null, null, `unknown format "${String(format)}" (csv or json)`);
  yield* csvRows(source, table, options, onHeader);
}

async function* csvRows(
  source: TextSource,
  table: StudyTable,
  options: TableReadOptions,
  onHeader: (header: TableHeader) => void,
): AsyncGenerator<TableRow> {
  const parser = csvParser({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true });
  const stop = new AbortController();
  // Feeds the parser as chunks arrive, waiting for it to drain (backpressure); stopping (a bad
  // row, or the consumer leaving) aborts the wait and closes the source's iterator.
  const feeding = (async () => {
    for await (const chunk of decodedChunks(source, table, options.maxBytes)) {
      if (stop.signal.aborted) return;
      if (!parser.write(chunk)) await once(parser, 'drain', { signal: stop.signal });
    }
    parser.end();
  })().catch((error: unknown) => {
    if (!stop.signal.aborted) parser.destroy(error instanceof Error ? error : new Error(String(error)));
  });

  let header: string[] | null = null;
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // info.lines is the line the record ends on; newlines inside quoted cells move it on
      // (csv-parse counts \r and \n apart there), so the start is the end minus those.
      let inside = 0;
      for (const cell of record) for (let i = 0; i < cell.length; i++) if (cell[i] === '\n' || cell[i] === '\r') inside++;
      const line = info.lines - inside;
      if (header === null) {
        header = record.map((c) => c.trim());
        const seen = new Set<string>();
        header.forEach((name) => {
          if (name === '') throw new StudyDatasetError(table, line, null, 'the header has an empty column name');
          if (seen.has(name)) throw new StudyDatasetError(table, line, name, 'the header names this column twice');
          seen.add(name);
        });
        onHeader({ columns: header });
        continue;
      }
      if (record.length !== header.length) {
        throw new StudyDatasetError(table, line, null, `the row has ${record.length} cells, the header ${header.length}`);
      }
      rows++;
      if (options.maxRows !== undefined && rows > options.maxRows) {
        throw new StudyDatasetError(table, line, null, `more than ${options.maxRows} rows`);
      }
      const cells: Record<string, unknown> = {};
      for (let j = 0; j < header.length; j++) cells[header[j]] = record[j];
      yield { line, cells };
    }
    await feeding;
    if (header === null) throw new StudyDatasetError(table, null, null, 'the file is empty (no header row)');
  } catch (error) {
    throw asDatasetError(error, table, header);
  } finally {
    stop.abort();
    parser.destroy();
    // Let the feeder leave its loop, which closes the source (an HTTP body stops being read).
    await feeding;
  }
}

/** csv-parse's own errors (an unclosed quote, …) carry the line and the column index. */
function asDatasetError(error: unknown, table: StudyTable, header: string[] | null): Error {
  if (error instanceof StudyDatasetError) return error;
  const e = error as { code?: unknown; lines?: unknown; column?: unknown; message?: unknown };
  if (typeof e.code === 'string' && e.code.startsWith('CSV_')) {
    const line = typeof e.lines === 'number' ? e.lines : null;
    const column = typeof e.column === 'number' && header ? (header[e.column] ?? null) : null;
    const reason = String(e.message ?? e.code).replace(/^[^:]*:\s*/, '');
    return new StudyDatasetError(table, line, column, `malformed CSV (${e.code}): ${reason}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

async function* jsonRows(
  source: TextSource,
  table: StudyTable,
  options: TableReadOptions,
  onHeader: (header: TableHeader) => void,
): AsyncGenerator<TableRow> {
  let text = '';
  for await (const chunk of decodedChunks(source, table, options.maxBytes)) text += chunk;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new StudyDatasetError(table, null, null, `not valid JSON (${(error as Error).message})`);
  }
  const rows = Array.isArray(parsed)
    ? parsed
    : parsed !== null && typeof parsed === 'object' && Array.isArray((parsed as { rows?: unknown }).rows)
      ? (parsed as { rows: unknown[] }).rows
      : null;
  if (rows === null) throw new StudyDatasetError(table, null, null, 'JSON must be an array of row objects or { "rows": [...] }');
  if (options.maxRows !== undefined && rows.length > options.maxRows) {
    throw new StudyDatasetError(table, options.maxRows + 1, null, `more than ${options.maxRows} rows`);
  }
  onHeader({ columns: null });
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new StudyDatasetError(table, i + 1, null, 'a row must be a JSON object of column: value');
    }
    yield { line: i + 1, cells: row as Record<string, unknown> };
  }
}

/** The source as text chunks, bytes counted against maxBytes and UTF-8 checked. */
async function* decodedChunks(source: TextSource, table: StudyTable, maxBytes: number | undefined): AsyncGenerator<string> {
  const tooLarge = () => new StudyDatasetError(table, null, null, `larger than ${maxBytes} bytes`);
  if (typeof source === 'string') {
    if (maxBytes !== undefined && Buffer.byteLength(source, 'utf8') > maxBytes) throw tooLarge();
    yield source;
    return;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  const decode = (chunk: Uint8Array, stream: boolean): string => {
    try {
      return decoder.decode(chunk, { stream });
    } catch {
      throw new StudyDatasetError(table, null, null, 'not valid UTF-8 text');
    }
  };
  for await (const chunk of source) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk, 'utf8') : chunk.byteLength;
    if (maxBytes !== undefined && bytes > maxBytes) throw tooLarge();
    const text = typeof chunk === 'string' ? chunk : decode(chunk, true);
    if (text !== '') yield text;
  }
  const rest = decode(new Uint8Array(0), false);
  if (rest !== '') yield rest;
}
