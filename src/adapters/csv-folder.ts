import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { formatProblem, InputError, type InputProblem, IoFailure } from '../errors.js';
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
  readonly orders: Lines;
  /** `file:line: message` for batch rows read but counted once. */
  readonly warnings: string[];
  /**
   * Once every line has been asked about: a conflicting repeat throws an InputError; identical
   * repeats come back as warnings.
   */
  readonly repeatWarnings: () => string[];
  /** The files read; an absent allocations.csv is recorded with size -1. */
  readonly fingerprints: Fingerprint[];
}

/** Reads and validates the folder's three inputs; every problem at once, as an InputError. */
export async function readFolder(folder: string): Promise<FolderInput> {
  const problems: InputProblem[] = [];
  const fingerprints: Fingerprint[] = [];
  const parse = async <K extends InputKind>(kind: K) => {
    const file = join(folder, INPUTS[kind].name);
    const { bytes, fingerprint } = await readBytes(file);
    fingerprints.push(fingerprint);
    if (bytes === undefined && INPUTS[kind].required) {
      problems.push({ file, line: 0, message: `not found in ${folder}` });
    }
    const parsed: ParsedFile<RowsOf[K]> = bytes
      ? parseFile(kind, file, bytes)
      : { rows: noRows(kind), problems: [], lineOf: () => 0 };
    problems.push(...parsed.problems);
    return { file, ...parsed };
  };
  const batchFile = await parse('batches');
  const batches = findDuplicates(batchFile.rows, batchFile.lineOf, batchFile.file);
  problems.push(...batches.problems);
  if (batchFile.rows.length === 0 && batchFile.problems.length === 0 && problems.length === 0) {
    problems.push({ file: batchFile.file, line: 1, message: 'has a header and no batches' });
  }
  const lines = async (kind: 'orders' | 'allocations'): Promise<Lines> => {
    const { file, rows, lineOf } = await parse(kind);
    const bySku = rows.bySku();
    const repeats = new RepeatedLines(kind, rows, lineOf, file);
    return { rows, bySku, repeats, prefetch: (from, to) => prefetch(rows, bySku, from, to) };
  };
  const orders = await lines('orders');
  const allocations = await lines('allocations');
  const repeatsIn = [allocations, orders];
  if (problems.length > 0) {
    for (const { bySku, repeats } of repeatsIn) bySku.forEach((i) => repeats.has(i));
    throw new InputError(sorted([...problems, ...repeatsIn.flatMap((l) => l.repeats.problems)]));
  }
  return {
    batches: withoutRepeats(batchFile.rows, batches.repeats),
    allocations,
    orders,
    warnings: sorted(batches.warnings).map(formatProblem),
    repeatWarnings: () => {
      const found = repeatsIn.flatMap((l) => l.repeats.problems);
      if (found.length > 0) throw new InputError(sorted(found));
      return sorted(repeatsIn.flatMap((l) => l.repeats.warnings)).map(formatProblem);
    },
    fingerprints,
  };
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
