import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { formatProblem, InputError, type InputProblem, IoFailure } from '../errors.js';
import { parseInBackground } from './background-lines.js';
import { findDuplicates, RepeatedLines, withoutRepeats } from './duplicates.js';
import {
  type BatchRow,
  INPUTS,
  type InputKind,
  noRows,
  type ParsedFile,
  parseFile,
  type RowsOf,
} from './input-files.js';
import type { LineColumns } from './line-columns.js';
import { explain } from './os-errors.js';

export const FILES = {
  batches: INPUTS.batches.name,
  orders: INPUTS.orders.name,
  allocations: INPUTS.allocations.name,
  unallocated: 'unallocated.csv',
  availability: 'availability.csv',
} as const;

export type { BatchRow, LineColumns };

/** What a file was when it was read: if any of it differs at commit, someone else wrote it. */
export interface Fingerprint {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

/** Rows of a file of lines, the order to handle them in, and which to skip. */
export interface Lines {
  readonly rows: LineColumns;
  /** Row indexes grouped by sku, each sku's rows in file order. */
  readonly bySku: Int32Array;
  /** Asked of every row, in `bySku` order: whether it repeats an earlier one (skip it). */
  readonly repeats: RepeatedLines;
  /** Call before handling the rows at `bySku[from..to)`: see `prefetch`. */
  readonly prefetch: (from: number, to: number) => void;
}

export interface FolderInput {
  readonly batches: BatchRow[];
  readonly allocations: Lines;
  /**
   * The order lines, read on another thread while the run goes on (see background-lines.ts).
   * Await them once the allocations have been walked: a problem in orders.csv rejects with an
   * InputError that lists every problem, conflicting repeats in the allocations included.
   */
  readonly orders: Promise<Lines>;
  /** `file:line: message` for batch rows read but counted once. */
  readonly warnings: string[];
  /**
   * Once every line has been asked about: a conflicting repeat throws an InputError; identical
   * repeats come back as warnings.
   */
  readonly repeatWarnings: () => string[];
  /** The files read; an absent allocations.csv is recorded with size -1. */
  readonly fingerprints: Fingerprint[];
  /** Stops reading orders.csv, if the run ends before it needs them. */
  readonly stop: () => void;
}

/** Reads and validates the folder's three inputs; every problem at once, as an InputError. */
export async function readFolder(folder: string): Promise<FolderInput> {
  const problems: InputProblem[] = [];
  const fingerprints: Fingerprint[] = [];
  const read = async (kind: InputKind) => {
    const file = join(folder, INPUTS[kind].name);
    const { bytes, fingerprint } = await readBytes(file);
    fingerprints.push(fingerprint);
    if (bytes === undefined && INPUTS[kind].required) {
      problems.push({ file, line: 0, message: `not found in ${folder}` });
    }
    return { file, bytes };
  };
  const parse = async <K extends InputKind>(kind: K) => {
    const { file, bytes } = await read(kind);
    const parsed = bytes ? parseFile(kind, file, bytes) : nothingIn(kind);
    problems.push(...parsed.problems);
    return { file, ...parsed };
  };
  const batchFile = await parse('batches');
  const batches = findDuplicates(batchFile.rows, batchFile.lineOf, batchFile.file);
  problems.push(...batches.problems);
  if (batchFile.rows.length === 0 && batchFile.problems.length === 0 && problems.length === 0) {
    problems.push({ file: batchFile.file, line: 1, message: 'has a header and no batches' });
  }
  const ordersFile = await read('orders');
  const background = ordersFile.bytes
    ? parseInBackground('orders', ordersFile.file, ordersFile.bytes)
    : { parsed: Promise.resolve(nothingIn('orders')), stop: () => undefined };
  try {
    const allocations = linesOf('allocations', await parse('allocations'));
    const parsedOrders = background.parsed.then((parsed) => ({
      lines: linesOf('orders', { file: ordersFile.file, ...parsed }),
      problems: parsed.problems,
    }));
    /** Every problem found, with every conflicting repeat: all lines are asked about first. */
    const everyProblem = (orders: Lines, found: InputProblem[]) => {
      for (const { bySku, repeats } of [allocations, orders]) {
        if (repeats.asked === 0) bySku.forEach((i) => repeats.has(i));
      }
      const repeats = [allocations, orders].flatMap((l) => l.repeats.problems);
      return new InputError(sorted([...found, ...repeats]));
    };
    if (problems.length > 0) {
      const orders = await parsedOrders;
      throw everyProblem(orders.lines, [...problems, ...orders.problems]);
    }
    let ordersRead: Lines | undefined;
    const orders = parsedOrders.then(({ lines, problems: found }) => {
      if (found.length > 0) throw everyProblem(lines, found);
      ordersRead = lines;
      return lines;
    });
    orders.catch(() => undefined);
    return {
      batches: withoutRepeats(batchFile.rows, batches.repeats),
      allocations,
      orders,
      warnings: sorted(batches.warnings).map(formatProblem),
      repeatWarnings: () => {
        const walked = ordersRead ? [allocations, ordersRead] : [allocations];
        const found = walked.flatMap((l) => l.repeats.problems);
        if (found.length > 0) throw new InputError(sorted(found));
        return sorted(walked.flatMap((l) => l.repeats.warnings)).map(formatProblem);
      },
      fingerprints,
      stop: background.stop,
    };
  } catch (error) {
    background.stop();
    throw error;
  }
}

/** A file that is not there: no rows, no problems of its own. */
function nothingIn<K extends InputKind>(kind: K): ParsedFile<RowsOf[K]> {
  return { rows: noRows(kind), problems: [], lineOf: () => 0 };
}

/** A file of lines, grouped by sku, ready to be walked. */
function linesOf(
  kind: 'orders' | 'allocations',
  { file, rows, lineOf }: ParsedFile<LineColumns> & { file: string },
): Lines {
  const bySku = rows.bySku();
  const repeats = new RepeatedLines(kind, rows, lineOf, file);
  return { rows, bySku, repeats, prefetch: (from, to) => prefetch(rows, bySku, from, to) };
}

/** Where `prefetch` leaves what it read, so that the reads are not optimised away. */
const PREFETCHED = new Float64Array(1);

/**
 * Reads some of each row at `bySku[from..to)` (its qty, its orderid's last character) in one
 * short loop. Rows handled sku by sku are scattered in memory, and each read costs a cache miss;
 * in a short loop the processor overlaps those misses, where between two commands it waits for
 * each in turn. A block of 256 rows fits the cache until it is handled: its orders loop took 16%
 * less time on this project's machine.
 */
function prefetch(rows: LineColumns, bySku: Int32Array, from: number, to: number): void {
  let sum = 0;
  for (let k = from, end = Math.min(to, bySku.length); k < end; k++) {
    const i = bySku[k] as number;
    const orderid = rows.orderid(i);
    sum += rows.qty(i) + orderid.charCodeAt(orderid.length - 1);
  }
  PREFETCHED[0] = sum;
}

const FILE_ORDER = [FILES.batches, FILES.orders, FILES.allocations];

/** In file order (batches, orders, allocations), then line order. */
function sorted(problems: InputProblem[]): InputProblem[] {
  const rank = (p: InputProblem) => FILE_ORDER.findIndex((name) => p.file.endsWith(name));
  return problems.sort((a, b) => rank(a) - rank(b) || a.line - b.line);
}

async function readBytes(path: string): Promise<{ bytes?: Buffer; fingerprint: Fingerprint }> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    const bytes = await handle.readFile();
    return { bytes, fingerprint: { path, size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino } };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { fingerprint: { path, size: -1, mtimeMs: 0, ino: 0 } };
    throw new IoFailure(
      `${path}: cannot read: ${explain(error)}`,
      { file: path },
      { cause: error },
    );
  } finally {
    await handle?.close();
  }
}
