import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { type InputProblem, IoFailure } from '../errors.js';
import { parseInBackground } from './background-lines.js';
import { findDuplicates, withoutRepeats } from './duplicates.js';
import { LineChecks, Lines, sorted } from './folder-lines.js';
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

export type { BatchRow, LineColumns, Lines };

/** What a file was when it was read: if any of it differs at commit, someone else wrote it. */
export interface Fingerprint {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
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
  /** Batch rows listed again, read but counted once. */
  readonly warnings: InputProblem[];
  /**
   * Once every line has been asked about: a conflicting repeat throws an InputError; identical
   * repeats come back as warnings.
   */
  readonly repeatWarnings: () => InputProblem[];
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
  const parse = <K extends InputKind>(
    kind: K,
    { file, bytes }: { file: string; bytes: Buffer | undefined },
  ) => {
    const parsed = bytes ? parseFile(kind, file, bytes) : nothingIn(kind);
    problems.push(...parsed.problems);
    return { file, ...parsed };
  };
  const batchFile = parse('batches', await read('batches'));
  const batches = findDuplicates(batchFile.rows, batchFile.lineOf, batchFile.file);
  problems.push(...batches.problems);
  if (batchFile.rows.length === 0 && batchFile.problems.length === 0 && problems.length === 0) {
    problems.push({ file: batchFile.file, line: 1, message: 'has a header and no batches' });
  }
  const ordersFile = await read('orders');
  const allocationsFile = await read('allocations');
  const file = ordersFile.file;
  const background = ordersFile.bytes
    ? parseInBackground('orders', file, ordersFile.bytes, {
        meanwhile: allocationsFile.bytes?.length ?? 0,
        reread: async () => (await readBytes(file)).bytes ?? Buffer.alloc(0),
      })
    : { parsed: Promise.resolve(nothingIn('orders')), stop: () => undefined };
  try {
    const allocations = new Lines('allocations', parse('allocations', allocationsFile));
    const checks = new LineChecks(allocations);
    const parsedOrders = background.parsed.then((parsed) => ({
      lines: new Lines('orders', { file, ...parsed }),
      found: parsed.problems,
    }));
    if (problems.length > 0) {
      const { lines, found } = await parsedOrders;
      throw checks.everyProblem(lines, [...problems, ...found]);
    }
    const orders = parsedOrders.then(({ lines, found }) => checks.accept(lines, found));
    orders.catch(() => undefined);
    return {
      batches: withoutRepeats(batchFile.rows, batches.repeats),
      allocations,
      orders,
      warnings: sorted(batches.warnings),
      repeatWarnings: checks.repeatWarnings,
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
