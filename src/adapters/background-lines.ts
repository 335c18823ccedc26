import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { InputProblem } from '../errors.js';
import { fileSource, lineStartAfter } from './byte-source.js';
import { type FilePart, type ParsedFile, parseFile, parsePlainFile } from './input-files.js';
import { type ColumnsData, LineColumns } from './line-columns.js';
import { later } from './load-later.js';

/** What the worker is given: a file of lines, open (threads share a process's files). */
export interface LinesJob {
  readonly kind: 'orders' | 'allocations';
  readonly file: string;
  readonly fd: number;
  /** Only the rows of these lines: the rest of a file read in two parts. */
  readonly part?: FilePart | undefined;
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
/**
 * Without that work, a file this large is read in two parts at once: its first half here, the
 * rest on a worker. The main thread receives only half the rows, while it reads the other half.
 */
export const SPLIT_BYTES = 8 << 20;
/** worker_threads, loaded when a worker is started: most runs start none. */
const threads = later('node:worker_threads') as () => typeof import('node:worker_threads');
/** Found from dist/adapters/ (this module) and from dist/entrypoints/ (the bundled CLI) alike. */
const WORKER = new URL('../adapters/lines-worker.js', import.meta.url);

/** A file read on another thread: its rows when they are ready, and a way to stop early. */
export interface BackgroundLines<T = ParsedFile<LineColumns>> {
  readonly parsed: Promise<T>;
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
  /** The size from which a file is read in two parts: SPLIT_BYTES, unless a test gives another. */
  readonly splitFrom?: number;
}

/**
 * Reads a file of lines (orders.csv), open as `fd`, as `parseFile` would on this thread, using a
 * worker thread where it pays: the whole file while the main thread reads allocations.csv, or
 * its second half while the main thread reads the first. The same code runs on both. If the
 * worker cannot start or fails, or finds its part is not plain text, the file is read here, so
 * the outcome never depends on the thread.
 */
export function parseInBackground(
  kind: LinesJob['kind'],
  file: string,
  fd: number,
  { size, meanwhile, worker: module = WORKER, splitFrom = SPLIT_BYTES }: BackgroundOptions,
): BackgroundLines {
  const source = fileSource(fd, file);
  const here = () => parseFile(kind, file, source);
  if (size < BACKGROUND_BYTES || !existsSync(fileURLToPath(module))) return onThisThread(here);
  if (meanwhile >= size * MEANWHILE_SHARE) return onWorker(module, { kind, file, fd }, here);
  const half = size >= splitFrom ? lineStartAfter(source, Math.floor(size / 2)) : undefined;
  if (half === undefined || half >= size) return onThisThread(here);
  const part = { from: half, to: size };
  const rest = onWorker<ParsedFile<LineColumns> | null>(
    module,
    { kind, file, fd, part },
    () => null,
  );
  const stopping = new AbortController();
  const parsed = Promise.resolve().then(async () => {
    const first = parsePlainFile(kind, file, source, { from: 0, to: half });
    if (first === undefined) {
      rest.stop();
      return here();
    }
    // Once stopped, the worker's part never comes: its exit ends the wait.
    const second = await Promise.race([rest.parsed, rest.done.then(() => null)]);
    if (stopping.signal.aborted) throw new Error(`${file}: read stopped`);
    return second ? inOrder(first, second) : here();
  });
  const stop = () => {
    stopping.abort();
    rest.stop();
  };
  return { parsed, stop, done: Promise.all([parsed.then(noop, noop), rest.done]).then(noop) };
}

function onThisThread(here: () => ParsedFile<LineColumns>): BackgroundLines {
  const parsed = Promise.resolve().then(here);
  return { parsed, stop: () => undefined, done: parsed.then(noop, noop) };
}

/**
 * Runs `job` on a worker thread; `here` gives what to settle with instead if the worker cannot
 * start or fails, or finds the file not plain text.
 */
function onWorker<T extends ParsedFile<LineColumns> | null>(
  module: URL,
  job: LinesJob,
  here: () => T,
): BackgroundLines<T> {
  let worker: Worker | undefined;
  let settled = false;
  let exited = Promise.resolve();
  /** The read made here instead, if any. */
  let instead = Promise.resolve();
  const parsed = new Promise<T>((resolve) => {
    const settle = (result: () => T) => {
      if (settled) return;
      settled = true;
      const read = Promise.resolve().then(result);
      instead = read.then(noop, noop);
      resolve(read);
    };
    try {
      const { Worker: Thread } = threads();
      const started = new Thread(module, { workerData: job });
      worker = started;
      exited = new Promise((ended) => started.once('exit', () => ended()));
      started.once('message', (result: LinesResult | null) => {
        settle(result ? () => fromWorker(result) as T : here);
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

/** The rows of a file read in two parts, the first part's then the second's. */
function inOrder(
  first: ParsedFile<LineColumns>,
  second: ParsedFile<LineColumns>,
): ParsedFile<LineColumns> {
  const count = first.rows.length;
  first.rows.append(second.rows);
  // A problem of the header (a missing column) is found by both parts: it is listed once.
  const listed = new Set(first.problems.map(({ line, message }) => `${line} ${message}`));
  const more = second.problems.filter(({ line, message }) => !listed.has(`${line} ${message}`));
  const [lineOfFirst, lineOfSecond] = [first.lineOf, second.lineOf];
  return {
    rows: first.rows,
    problems: [...first.problems, ...more],
    lineOf: (row) => (row < count ? lineOfFirst(row) : lineOfSecond(row - count)),
  };
}

function fromWorker({ data, problems, lines }: LinesResult): ParsedFile<LineColumns> {
  return { rows: new LineColumns(data), problems, lineOf: (row) => lines[row] ?? 0 };
}

function noop(): void {}
