import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ByteSource, fileSource, lineStartAfter } from './byte-source.js';
import { type ParsedFile, parseFile, parsePlainFile } from './input-files.js';
import type { LineColumns } from './line-columns.js';
import { type BackgroundLines, type LinesJob, noop, onWorker, WORKER } from './lines-thread.js';

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
 * Without that work, a file this large is read in two parts at once: its first part here, the
 * rest on a worker. The main thread receives only the worker's rows, while it reads its own.
 */
export const SPLIT_BYTES = 8 << 20;

/** A file of lines as read: its rows, problems and lines (see `parseFile`). */
type Whole = ParsedFile<LineColumns>;

export interface BackgroundOptions {
  /** The file's size, in bytes. */
  readonly size: number;
  /** What the main thread reads and puts back meanwhile (allocations.csv), in bytes. */
  readonly meanwhile: number;
  /** What the main thread reads and makes into batches meanwhile (batches.csv), in bytes. */
  readonly alongside?: number;
  /** The worker's module: the built one, unless a test gives another. */
  readonly worker?: URL;
  /** The size from which a file is read in two parts: SPLIT_BYTES, unless a test gives another. */
  readonly splitFrom?: number;
}

/**
 * Reads a file of lines (orders.csv), open as `fd`, as `parseFile` would on this thread, using a
 * worker thread where it pays: the whole file while the main thread reads allocations.csv, or
 * all but a first part (see `firstPartBytes`) while the main thread reads that. The same code
 * runs on both. If the worker cannot start or fails, or finds its part is not plain text, the
 * file is read here, so the outcome never depends on the thread.
 */
export function parseInBackground(
  kind: LinesJob['kind'],
  file: string,
  fd: number,
  {
    size,
    meanwhile,
    alongside = 0,
    worker: module = WORKER,
    splitFrom = SPLIT_BYTES,
  }: BackgroundOptions,
): BackgroundLines {
  const source = fileSource(fd, file);
  const here = () => parseFile(kind, file, source);
  if (size < BACKGROUND_BYTES || !existsSync(fileURLToPath(module))) return onThisThread(here);
  if (meanwhile >= size * MEANWHILE_SHARE) return onWorker(module, { kind, file, fd }, here);
  const from = size >= splitFrom ? firstPartBytes(size, alongside) : undefined;
  const split = from === undefined ? undefined : lineStartAfter(source, from);
  if (split === undefined || split >= size) return onThisThread(here);
  return inTwoParts({ kind, file, fd }, source, { split, size, module, here });
}

/**
 * Where the first part of a file read in two parts ends, about: the main thread also reads
 * batches.csv (`alongside` bytes) and makes its batches, which costs about what reading twice
 * as many bytes of order lines does, so its part is that much shorter than half, and the two
 * threads end about together. Never less than a quarter: the main thread receives the worker's
 * rows, which costs about a quarter of reading them.
 */
export function firstPartBytes(size: number, alongside: number): number {
  const balanced = (size - 2 * alongside) / 2;
  return Math.floor(Math.min(size / 2, Math.max(size / 4, balanced)));
}

/**
 * Reads the lines from `split` to `size` on a worker while this thread reads those before, then
 * joins them; the whole file here if either part is not plain text or the worker fails.
 */
function inTwoParts(
  { kind, file, fd }: LinesJob,
  source: ByteSource,
  { split, size, module, here }: { split: number; size: number; module: URL; here: () => Whole },
): BackgroundLines {
  const part = { from: split, to: size };
  const rest = onWorker<Whole | null>(module, { kind, file, fd, part }, () => null);
  const stopping = new AbortController();
  const parsed = Promise.resolve().then(async () => {
    const first = parsePlainFile(kind, file, source, { from: 0, to: split });
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

function onThisThread(here: () => Whole): BackgroundLines {
  const parsed = Promise.resolve().then(here);
  return { parsed, stop: () => undefined, done: parsed.then(noop, noop) };
}

/** The rows of a file read in two parts, the first part's then the second's. */
function inOrder(first: Whole, second: Whole): Whole {
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
