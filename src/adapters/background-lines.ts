import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { InputProblem } from '../errors.js';
import { type ParsedFile, parseFile } from './input-files.js';
import { type ColumnsData, LineColumns } from './line-columns.js';

/** What the worker is given: one file of lines, as bytes. */
export interface LinesJob {
  readonly kind: 'orders' | 'allocations';
  readonly file: string;
  readonly bytes: Uint8Array;
}

/** What it sends back: the rows as columns, the problems, and the line each row starts on. */
export interface LinesResult {
  readonly data: ColumnsData;
  readonly problems: InputProblem[];
  readonly lines: Int32Array;
}

/**
 * Files this large are read on a worker thread while the main thread goes on; smaller ones are
 * read faster than a worker starts. A file with a quote character is read on the main thread
 * too: line numbers of quoted records cost a second parse, which the main thread makes only for
 * the rows it reports.
 */
export const BACKGROUND_BYTES = 1 << 20;
/**
 * The worker pays only if the main thread has work meanwhile: reading and putting back an
 * allocations.csv of at least this share of the file's size. Without it, the main thread would
 * only wait, then spend a quarter of the parse's time receiving the rows.
 */
const MEANWHILE_SHARE = 0.25;
const QUOTE = 0x22;
/** Found from dist/adapters/ (this module) and from dist/entrypoints/ (the bundled CLI) alike. */
const WORKER = new URL('../adapters/lines-worker.js', import.meta.url);

/** A file read on another thread: its rows when they are ready, and a way to stop early. */
export interface BackgroundLines {
  readonly parsed: Promise<ParsedFile<LineColumns>>;
  readonly stop: () => void;
}

/**
 * Reads a file of lines (orders.csv) on a worker thread, when it pays, as `parseFile` would on
 * this one: the same code runs there. `meanwhile` is the size of what the main thread reads and
 * puts back while it waits (allocations.csv). If the worker cannot start or fails, the file is read
 * here instead, so the outcome never depends on the thread.
 */
export function parseInBackground(
  kind: LinesJob['kind'],
  file: string,
  bytes: Buffer,
  { meanwhile }: { meanwhile: number },
): BackgroundLines {
  /** The bytes, until the file has been read: the run holds `stop` to its end, not the bytes. */
  let source: Buffer | undefined = bytes;
  const here = () => parseFile(kind, file, source ?? Buffer.alloc(0));
  if (
    bytes.length < BACKGROUND_BYTES ||
    meanwhile < bytes.length * MEANWHILE_SHARE ||
    bytes.includes(QUOTE) ||
    !existsSync(fileURLToPath(WORKER))
  ) {
    const parsed = Promise.resolve().then(() => {
      try {
        return here();
      } finally {
        source = undefined;
      }
    });
    return { parsed, stop: () => undefined };
  }
  /** The worker's own copy, moved to it (the copy here is left empty). */
  const copy = new Uint8Array(bytes);
  let worker: Worker | undefined;
  let settled = false;
  const parsed = new Promise<ParsedFile<LineColumns>>((resolve) => {
    const settle = (result: () => ParsedFile<LineColumns>) => {
      if (settled) return;
      settled = true;
      resolve(result());
      source = undefined;
    };
    try {
      const job: LinesJob = { kind, file, bytes: copy };
      worker = new Worker(WORKER, { workerData: job, transferList: [copy.buffer] });
      worker.once('message', ({ data, problems, lines }: LinesResult) => {
        settle(() => ({ rows: new LineColumns(data), problems, lineOf: (row) => lines[row] ?? 0 }));
      });
      worker.once('error', () => settle(here));
      worker.once('exit', () => settle(here));
    } catch {
      settle(here);
    }
  });
  const stop = () => {
    settled = true;
    source = undefined;
    void worker?.terminate();
  };
  return { parsed, stop };
}
