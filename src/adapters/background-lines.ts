import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { InputProblem } from '../errors.js';
import { fileSource } from './byte-source.js';
import { type ParsedFile, parseFile } from './input-files.js';
import { type ColumnsData, LineColumns } from './line-columns.js';
import { later } from './load-later.js';

/** What the worker is given: one file of lines, open (threads share a process's files). */
export interface LinesJob {
  readonly kind: 'orders' | 'allocations';
  readonly file: string;
  readonly fd: number;
}

/**
 * What it sends back: the rows as columns, the problems, and the line each row starts on; or
 * null for a file that is not plain UTF-8 text, which the main thread then reads.
 */
export interface LinesResult {
  readonly data: ColumnsData;
  readonly problems: InputProblem[];
  readonly lines: Int32Array;
}

/**
 * Files this large are read on a worker thread while the main thread goes on; smaller ones are
 * read faster than a worker starts. A file that is not plain UTF-8 text (one with a quote
 * character, most often) is read on the main thread: line numbers of quoted records cost a
 * second parse, which the main thread makes only for the rows it reports.
 */
export const BACKGROUND_BYTES = 1 << 20;
/**
 * The worker pays only if the main thread has work meanwhile: reading and putting back an
 * allocations.csv of at least this share of the file's size. Without it, the main thread would
 * only wait, then spend a quarter of the parse's time receiving the rows.
 */
const MEANWHILE_SHARE = 0.25;
/** worker_threads, loaded when a worker is started: most runs start none. */
const threads = later('node:worker_threads') as () => typeof import('node:worker_threads');
/** Found from dist/adapters/ (this module) and from dist/entrypoints/ (the bundled CLI) alike. */
const WORKER = new URL('../adapters/lines-worker.js', import.meta.url);

/** A file read on another thread: its rows when they are ready, and a way to stop early. */
export interface BackgroundLines {
  readonly parsed: Promise<ParsedFile<LineColumns>>;
  readonly stop: () => void;
  /** Settles once no thread reads the file any more: it can then be closed. */
  readonly done: Promise<void>;
}

export interface BackgroundOptions {
  /** The file's size, in bytes. */
  readonly size: number;
  /** What the main thread reads and puts back meanwhile (allocations.csv), in bytes. */
  readonly meanwhile: number;
  /** The worker's module: the built one, unless a test gives another. */
  readonly worker?: URL;
}

/**
 * Reads a file of lines (orders.csv), open as `fd`, on a worker thread when it pays, as
 * `parseFile` would on this one: the same code runs there. If the worker cannot start or fails,
 * or finds the file is not plain text, the file is read here, so the outcome never depends on
 * the thread.
 */
export function parseInBackground(
  kind: LinesJob['kind'],
  file: string,
  fd: number,
  { size, meanwhile, worker: module = WORKER }: BackgroundOptions,
): BackgroundLines {
  const here = () => parseFile(kind, file, fileSource(fd, file));
  if (
    size < BACKGROUND_BYTES ||
    meanwhile < size * MEANWHILE_SHARE ||
    !existsSync(fileURLToPath(module))
  ) {
    const parsed = Promise.resolve().then(here);
    return { parsed, stop: () => undefined, done: parsed.then(noop, noop) };
  }
  let worker: Worker | undefined;
  let settled = false;
  let exited = Promise.resolve();
  /** The read made here instead, if any. */
  let instead = Promise.resolve();
  const parsed = new Promise<ParsedFile<LineColumns>>((resolve) => {
    const settle = (result: () => ParsedFile<LineColumns>) => {
      if (settled) return;
      settled = true;
      const read = Promise.resolve().then(result);
      instead = read.then(noop, noop);
      resolve(read);
    };
    try {
      const job: LinesJob = { kind, file, fd };
      const { Worker: Thread } = threads();
      const started = new Thread(module, { workerData: job });
      worker = started;
      exited = new Promise((ended) => started.once('exit', () => ended()));
      started.once('message', (result: LinesResult | null) => {
        settle(result ? () => fromWorker(result) : here);
      });
      started.once('error', () => settle(here));
      started.once('exit', () => settle(here));
    } catch {
      settle(here);
    }
  });
  const stop = () => {
    settled = true;
    void worker?.terminate();
  };
  // `instead` is read once the worker has exited: by then, any read here has been started.
  return { parsed, stop, done: exited.then(() => instead) };
}

function fromWorker({ data, problems, lines }: LinesResult): ParsedFile<LineColumns> {
  return { rows: new LineColumns(data), problems, lineOf: (row) => lines[row] ?? 0 };
}

function noop(): void {}
