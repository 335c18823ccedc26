import type { Worker } from 'node:worker_threads';
import type { InputProblem } from '../errors.js';
import type { FilePart, ParsedFile } from './input-files.js';
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
 * What it sends back: the rows as columns (grouped by sku, each with its row in the file), the
 * problems, and the line each row starts on; or null for a file that is not plain UTF-8 text,
 * which the main thread then reads.
 */
export interface LinesResult {
  readonly data: ColumnsData;
  readonly problems: InputProblem[];
  readonly lines: Int32Array;
}

/** A file read on another thread: its rows when they are ready, and a way to stop early. */
export interface BackgroundLines<T = ParsedFile<LineColumns>> {
  readonly parsed: Promise<T>;
  readonly stop: () => void;
  /** Settles once no thread reads the file any more: it can then be closed. */
  readonly done: Promise<void>;
}

/** worker_threads, loaded when a worker is started: most runs start none. */
const threads = later('node:worker_threads') as () => typeof import('node:worker_threads');
/** Found from dist/adapters/ (this module) and from dist/entrypoints/ (the bundled CLI) alike. */
export const WORKER = new URL('../adapters/lines-worker.js', import.meta.url);

/**
 * Runs `job` on a worker thread (lines-worker.ts, unless a test gives another `module`); `here`
 * gives what to settle with instead if the worker cannot start or fails, or finds the file not
 * plain text.
 */
export function onWorker<T extends ParsedFile<LineColumns> | null>(
  module: URL,
  job: LinesJob,
  here: () => T,
): BackgroundLines<T> {
  const outcome = new Outcome<T>();
  const worker = startWorker(module, job, (result) => {
    outcome.settle(result ? () => fromWorker(result) as T : here);
  });
  const exited = worker
    ? new Promise<void>((ended) => worker.once('exit', () => ended()))
    : Promise.resolve();
  const stop = () => {
    outcome.stop();
    void worker?.terminate();
  };
  // `instead` is read once the worker has exited: by then, any read here has been started.
  return { parsed: outcome.parsed, stop, done: exited.then(() => outcome.instead) };
}

/**
 * Starts a worker on `job`; `ended` is told its result, or null if it fails, exits without one,
 * or cannot start (then at once, and no worker is returned).
 */
function startWorker(
  module: URL,
  job: LinesJob,
  ended: (result: LinesResult | null) => void,
): Worker | undefined {
  try {
    const worker = new (threads().Worker)(module, { workerData: job });
    worker.once('message', ended);
    worker.once('error', () => ended(null));
    worker.once('exit', () => ended(null));
    return worker;
  } catch {
    ended(null);
    return undefined;
  }
}

/** How a read ends, once: with the worker's rows, or with a read made here instead. */
class Outcome<T> {
  readonly parsed: Promise<T>;
  /** The read made here instead, if any, once it is done. */
  instead = Promise.resolve();
  #resolve: (read: Promise<T>) => void = noop;
  #settled = false;

  constructor() {
    this.parsed = new Promise<T>((resolve) => (this.#resolve = resolve));
  }

  settle(result: () => T): void {
    if (this.#settled) return;
    this.#settled = true;
    const read = Promise.resolve().then(result);
    this.instead = read.then(noop, noop);
    this.#resolve(read);
  }

  /** Settles nothing more: the run no longer wants the rows. */
  stop(): void {
    this.#settled = true;
  }
}

function fromWorker({ data, problems, lines }: LinesResult): ParsedFile<LineColumns> {
  return { rows: new LineColumns(data), problems, lineOf: (row) => lines[row] ?? 0 };
}

export function noop(): void {}
