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

/** Rows grouped by sku, as row indexes, with the repeats left out; see `groupBySku`. */
export interface GroupedRows extends Omit<DuplicateReport, 'repeats'> {
  /** Each sku's rows in file order; skus in the order they first appear. */
  readonly order: Int32Array;
}

type Line = { readonly orderid: string; readonly sku: string; readonly qty: number };

/**
 * For order lines and allocations, identified by (orderid, sku): groups the rows by sku (a
 * counting sort), then finds repeats within each group with a small map that stays in the cache,
 * where one map of every line would not. Reports what `findDuplicates` reports.
 */
export function groupBySku(
  kind: 'orders' | 'allocations',
  rows: readonly Line[],
  lineOf: (row: number) => number,
  file: string,
): GroupedRows {
  const { grouped, starts } = countingSortBySku(rows);
  const problems: InputProblem[] = [];
  const warnings: InputProblem[] = [];
  const first = new Map<string, number>();
  let kept = 0;
  for (let g = 0; g + 1 < starts.length; g++) {
    if (first.size > 0) first.clear();
    for (let k = starts[g] as number; k < (starts[g + 1] as number); k++) {
      const i = grouped[k] as number;
      const row = rows[i] as Line;
      const seen = first.get(row.orderid);
      if (seen === undefined) {
        first.set(row.orderid, i);
        grouped[kept++] = i;
        continue;
      }
      const same = (rows[seen] as Line).qty === row.qty;
      const name = `${INPUTS[kind].what} ${row.orderid}/${row.sku}`;
      const message = same
        ? `${name} is listed again (as on line ${lineOf(seen)}); counted once`
        : `${name} is listed again with other values (first on line ${lineOf(seen)})`;
      (same ? warnings : problems).push({ file, line: lineOf(i), message });
    }
  }
  return { order: grouped.subarray(0, kept), problems, warnings };
}

function countingSortBySku(rows: readonly Line[]) {
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
  const starts = new Int32Array(sizes.length + 1);
  for (let g = 0; g < sizes.length; g++)
    starts[g + 1] = (starts[g] as number) + (sizes[g] as number);
  const next = starts.slice(0, -1);
  const grouped = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const g = groupOf[i] as number;
    const slot = next[g] as number;
    grouped[slot] = i;
    next[g] = slot + 1;
  }
  return { grouped, starts };
}
