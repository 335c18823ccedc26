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

/** Where and how the file is read again, if it was moved to a worker that then failed. */
export interface BackgroundOptions {
  /** What the main thread reads and puts back meanwhile (allocations.csv), in bytes. */
  readonly meanwhile: number;
  readonly reread: () => Promise<Buffer>;
  /** The worker's module: the built one, unless a test gives another. */
  readonly worker?: URL;
}

/**
 * Reads a file of lines (orders.csv) on a worker thread, when it pays, as `parseFile` would on
 * this one: the same code runs there. The bytes are moved to the worker, not copied (a copy left
 * 18 MB more at the peak of a 1M-line re-run). If the worker cannot start or fails, the file is
 * read again and parsed here, so the outcome never depends on the thread; had the file changed
 * meanwhile, the run would see it at commit, as for any input.
 */
export function parseInBackground(
  kind: LinesJob['kind'],
  file: string,
  bytes: Buffer,
  { meanwhile, reread, worker: module = WORKER }: BackgroundOptions,
): BackgroundLines {
  /** The bytes, until the file has been read: the run holds `stop` to its end, not the bytes. */
  let source: Buffer | undefined = bytes;
  const here = () => parseFile(kind, file, source ?? Buffer.alloc(0));
  if (
    bytes.length < BACKGROUND_BYTES ||
    meanwhile < bytes.length * MEANWHILE_SHARE ||
    bytes.includes(QUOTE) ||
    !existsSync(fileURLToPath(module))
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
  // A Buffer that shares its memory with others (Node's pool) is copied: moving it would
  // empty the others.
  const { buffer } = bytes;
  const own = buffer instanceof ArrayBuffer && bytes.byteLength === buffer.byteLength;
  const moved = own ? new Uint8Array(buffer) : new Uint8Array(bytes);
  source = undefined;
  const again = async () => parseFile(kind, file, await reread());
  let worker: Worker | undefined;
  let settled = false;
  const parsed = new Promise<ParsedFile<LineColumns>>((resolve) => {
    const settle = (result: () => ParsedFile<LineColumns> | Promise<ParsedFile<LineColumns>>) => {
      if (settled) return;
      settled = true;
      resolve(Promise.resolve().then(result));
    };
    try {
      const job: LinesJob = { kind, file, bytes: moved };
      worker = new Worker(module, { workerData: job, transferList: [moved.buffer] });
      worker.once('message', ({ data, problems, lines }: LinesResult) => {
        settle(() => ({ rows: new LineColumns(data), problems, lineOf: (row) => lines[row] ?? 0 }));
      });
      worker.once('error', () => settle(again));
      worker.once('exit', () => settle(again));
    } catch {
      settle(again);
    }
  });
  const stop = () => {
    settled = true;
    void worker?.terminate();
  };
  return { parsed, stop };
}
