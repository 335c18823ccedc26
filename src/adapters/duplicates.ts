import type { InputProblem } from '../errors.js';
import { INPUTS } from './input-files.js';

/** Rows listed twice: the same values are counted once (a warning); others are an error. */
export interface DuplicateReport {
  /** Indexes of the rows to drop, ascending: identical repeats of an earlier row. */
  readonly repeats: number[];
  readonly problems: InputProblem[];
  readonly warnings: InputProblem[];
}

/** Finds the batch rows whose ref an earlier row already had. */
export function findDuplicates(
  rows: readonly Record<string, unknown>[],
  lineOf: (row: number) => number,
  file: string,
): DuplicateReport {
  const first = new Map<unknown, number>();
  const report: DuplicateReport = { repeats: [], problems: [], warnings: [] };
  rows.forEach((row, i) => {
    const seen = first.get(row.ref);
    if (seen === undefined) {
      first.set(row.ref, i);
      return;
    }
    const earlier = rows[seen] as Record<string, unknown>;
    const same = Object.keys(row).every((k) => row[k] === earlier[k]);
    const name = `${INPUTS.batches.what} ${String(row.ref)}`;
    const message = same
      ? `${name} is listed again (as on line ${lineOf(seen)}); counted once`
      : `${name} is listed again with other values (first on line ${lineOf(seen)})`;
    (same ? report.warnings : report.problems).push({ file, line: lineOf(i), message });
    if (same) report.repeats.push(i);
  });
  return report;
}

/** Keeps the rows that are not repeats. */
export function withoutRepeats<T>(rows: T[], repeats: readonly number[]): T[] {
  if (repeats.length === 0) return rows;
  const drop = new Set(repeats);
  return rows.filter((_, i) => !drop.has(i));
}

/** What the checks read of an order line or an allocation row. */
export type Line = { readonly orderid: string; readonly sku: string; readonly qty: number };

/**
 * Row indexes of order lines or allocations grouped by sku, each sku's rows in file order, skus
 * in the order they first appear: a counting sort.
 */
export function groupBySku(rows: readonly Line[]): Int32Array {
  const groupOf = new Int32Array(rows.length);
  const groups = new Map<string, number>();
  const sizes: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const sku = (rows[i] as Line).sku;
    let g = groups.get(sku);
    if (g === undefined) {
      g = sizes.length;
      groups.set(sku, g);
      sizes.push(0);
    }
    groupOf[i] = g;
    sizes[g] = (sizes[g] as number) + 1;
  }
  const next = new Int32Array(sizes.length);
  for (let g = 1; g < sizes.length; g++)
    next[g] = (next[g - 1] as number) + (sizes[g - 1] as number);
  const grouped = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const g = groupOf[i] as number;
    const slot = next[g] as number;
    grouped[slot] = i;
    next[g] = slot + 1;
  }
  return grouped;
}

/**
 * Tells which order lines or allocations repeat an earlier row with the same (orderid, sku), as
 * a run walks them sku by sku: a small map of one sku's orderids stays in the cache, where one
 * map of every line would not, and the walk reads each row once. Reports what `findDuplicates`
 * reports.
 */
export class RepeatedLines {
  readonly problems: InputProblem[] = [];
  readonly warnings: InputProblem[] = [];
  readonly #first = new Map<string, number>();
  #sku: string | undefined;

  constructor(
    private readonly kind: 'orders' | 'allocations',
    private readonly rows: readonly Line[],
    private readonly lineOf: (row: number) => number,
    private readonly file: string,
  ) {}

  /** Whether row `i` repeats an earlier one; rows must come sku by sku, each sku's in order. */
  has(i: number): boolean {
    const row = this.rows[i] as Line;
    if (row.sku !== this.#sku) {
      this.#sku = row.sku;
      if (this.#first.size > 0) this.#first.clear();
    }
    const seen = this.#first.get(row.orderid);
    if (seen === undefined) {
      this.#first.set(row.orderid, i);
      return false;
    }
    const same = (this.rows[seen] as Line).qty === row.qty;
    const name = `${INPUTS[this.kind].what} ${row.orderid}/${row.sku}`;
    const first = this.lineOf(seen);
    const message = same
      ? `${name} is listed again (as on line ${first}); counted once`
      : `${name} is listed again with other values (first on line ${first})`;
    (same ? this.warnings : this.problems).push({ file: this.file, line: this.lineOf(i), message });
    return true;
  }
}
