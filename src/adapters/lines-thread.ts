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

function fromWorker({ data, problems, lines }: LinesResult): ParsedFile<LineColumns> {
  return { rows: new LineColumns(data), problems, lineOf: (row) => lines[row] ?? 0 };
}

export function noop(): void {}
