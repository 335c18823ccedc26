import { join } from 'node:path';
import type { InputProblem } from '../errors.js';
import { parseInBackground } from './background-lines.js';
import { fileSource } from './byte-source.js';
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
import { type Fingerprint, type InputFile, openInput } from './input-handles.js';

export const FILES = {
  batches: INPUTS.batches.name,
  orders: INPUTS.orders.name,
  allocations: INPUTS.allocations.name,
  unallocated: 'unallocated.csv',
  availability: 'availability.csv',
} as const;

export type { BatchRow, Fingerprint, LineColumns, Lines };

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
  const open = async (kind: InputKind): Promise<InputFile> => {
    const file = join(folder, INPUTS[kind].name);
    const opened = await openInput(file);
    fingerprints.push(opened.fingerprint);
    if (opened.handle === undefined && INPUTS[kind].required) {
      problems.push({ file, line: 0, message: `not found in ${folder}` });
    }
    return opened;
  };
  const parse = async <K extends InputKind>(kind: K, { file, handle }: InputFile) => {
    try {
      const parsed = handle ? parseFile(kind, file, fileSource(handle.fd, file)) : nothingIn(kind);
      problems.push(...parsed.problems);
      return { file, ...parsed };
    } finally {
      await handle?.close();
    }
  };
  const batchesFile = await open('batches');
  const ordersFile = await open('orders').catch(async (error: unknown) => {
    await batchesFile.handle?.close();
    throw error;
  });
  const allocationsFile = await open('allocations').catch(async (error: unknown) => {
    await Promise.all([batchesFile.handle?.close(), ordersFile.handle?.close()]);
    throw error;
  });
  // Started first, so that a worker reads orders.csv while batches.csv is read here.
  const background = readInBackground(ordersFile, allocationsFile, batchesFile);
  /** Whether allocations.csv was handed to `parse`, which closes it. */
  let allocationsParsed = false;
  try {
    const batchFile = await parse('batches', batchesFile);
    const batches = findDuplicates(batchFile.rows, batchFile.lineOf, batchFile.file);
    problems.push(...batches.problems);
    if (batchFile.rows.length === 0 && batchFile.problems.length === 0 && problems.length === 0) {
      problems.push({ file: batchFile.file, line: 1, message: 'has a header and no batches' });
    }
    allocationsParsed = true;
    const allocations = new Lines('allocations', await parse('allocations', allocationsFile));
    const checks = new LineChecks(allocations);
    const file = ordersFile.file;
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
    if (!allocationsParsed) await allocationsFile.handle?.close();
    throw error;
  }
}

/**
 * orders.csv, read on another thread while batches.csv and allocations.csv are read here, or in
 * part while the rest is read here (see background-lines.ts); closed once read.
 */
function readInBackground(orders: InputFile, allocations: InputFile, batches: InputFile) {
  const { file, handle, fingerprint } = orders;
  if (handle === undefined) {
    return { parsed: Promise.resolve(nothingIn('orders')), stop: () => undefined };
  }
  const background = parseInBackground('orders', file, handle.fd, {
    size: fingerprint.size,
    meanwhile: Math.max(allocations.fingerprint.size, 0),
    alongside: Math.max(batches.fingerprint.size, 0),
  });
  void background.done.then(() => handle.close());
  return background;
}

/** A file that is not there: no rows, no problems of its own. */
function nothingIn<K extends InputKind>(kind: K): ParsedFile<RowsOf[K]> {
  return { rows: noRows(kind), problems: [], lineOf: () => 0 };
}
