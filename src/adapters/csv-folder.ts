import { join } from 'node:path';
import type { InputProblem } from '../errors.js';
import { parseInBackground } from './background-lines.js';
import { FolderInputs, nothingIn } from './folder-inputs.js';
import { LineChecks, Lines } from './folder-lines.js';
import { type BatchRow, INPUTS } from './input-files.js';
import type { Fingerprint, InputFile } from './input-handles.js';
import type { LineColumns } from './line-columns.js';
import { statNow } from './os-errors.js';

export const FILES = {
  batches: INPUTS.batches.name,
  orders: INPUTS.orders.name,
  allocations: INPUTS.allocations.name,
  unallocated: 'unallocated.csv',
  availability: 'availability.csv',
} as const;

export type { BatchRow, Fingerprint, LineColumns, Lines };

/** The bytes of the folder's three inputs together, as they are now (a file not there has none). */
export function inputBytes(folder: string): number {
  const sizes = Object.values(INPUTS).map(({ name }) => statNow(join(folder, name))?.size ?? 0);
  return sizes.reduce((sum, size) => sum + size, 0);
}

export interface FolderInput {
  readonly batches: BatchRow[];
  /** The batches' indexes, sku by sku, each sku's in file order. */
  readonly batchesBySku: Int32Array;
  readonly allocations: Lines;
  /**
   * The order lines, read on another thread while the run goes on (see background-lines.ts).
   * Await them once the allocations have been walked: a problem in orders.csv rejects with an
   * InputError that lists every problem, conflicting repeats in the allocations included.
   */
  readonly orders: Promise<Lines>;
  /** Batch rows listed again, read but counted once; columns allocations.csv will lose. */
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
  const inputs = new FolderInputs(folder);
  const files = await inputs.openAll();
  // Started first, so that a worker reads orders.csv while batches.csv is read here.
  const background = readInBackground(files.orders, files.allocations, files.batches);
  /** Whether allocations.csv was handed to `parse`, which closes it. */
  let allocationsParsed = false;
  try {
    const batches = await inputs.batches(files.batches);
    allocationsParsed = true;
    const allocations = new Lines(
      'allocations',
      await inputs.parse('allocations', files.allocations),
    );
    const checks = new LineChecks(allocations);
    const orders = await inputs.orders(files.orders.file, background.parsed, checks);
    return {
      batches: batches.rows,
      batchesBySku: batches.bySku,
      allocations,
      orders: orders.lines,
      warnings: [...batches.warnings, ...inputs.warnings],
      repeatWarnings: checks.repeatWarnings,
      fingerprints: inputs.fingerprints,
      stop: background.stop,
    };
  } catch (error) {
    background.stop();
    if (!allocationsParsed) await files.allocations.handle?.close();
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
