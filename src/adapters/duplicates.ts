import type { InputProblem } from '../errors.js';
import { INPUTS } from './input-files.js';
import { LineColumns } from './line-columns.js';

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

/**
 * Tells which order lines or allocations repeat an earlier row with the same (orderid, sku), as
 * a run walks them sku by sku: a small map of one sku's orderids stays in the cache, where one
 * map of every line would not, and the walk reads each row once. Reports what `findDuplicates`
 * reports.
 */
export class RepeatedLines {
  readonly problems: InputProblem[] = [];
  readonly warnings: InputProblem[] = [];
  #first = new Map<string, number>();
  /** The row asked about last: a row of another sku starts a new map. */
  #last = -1;
  #asked = 0;
  #rows: LineColumns;
  #lineOf: (row: number) => number;
  readonly #kind: 'orders' | 'allocations';
  readonly #file: string;

  constructor(
    kind: 'orders' | 'allocations',
    rows: LineColumns,
    lineOf: (row: number) => number,
    file: string,
  ) {
    this.#kind = kind;
    this.#rows = rows;
    this.#lineOf = lineOf;
    this.#file = file;
  }

  /** Lets go of the rows and their lines, once every row has been asked about. */
  release(): void {
    this.#rows = new LineColumns();
    this.#lineOf = () => 0;
    this.#first = new Map();
  }

  /** How many rows have been asked about. */
  get asked(): number {
    return this.#asked;
  }

  /** Whether row `i` repeats an earlier one; rows must come sku by sku, each sku's in order. */
  has(i: number): boolean {
    const rows = this.#rows;
    this.#asked += 1;
    // A new map for each sku, not the old one cleared: a map that has lived long enough to be
    // promoted grows its tables in the old generation, where they stay until a full collection
    // (70 MB of peak RSS on a million lines); a new map grows and dies young.
    if (this.#last === -1 || !rows.sameSku(i, this.#last)) {
      if (this.#first.size > 0) this.#first = new Map();
    }
    this.#last = i;
    const orderid = rows.orderid(i);
    const seen = this.#first.get(orderid);
    if (seen === undefined) {
      this.#first.set(orderid, i);
      return false;
    }
    this.#tell(seen, i);
    return true;
  }

  /** Row `i` repeats row `seen`: a warning if its values are the same, a problem if not. */
  #tell(seen: number, i: number): void {
    const rows = this.#rows;
    const same = rows.qty(seen) === rows.qty(i);
    const name = `${INPUTS[this.#kind].what} ${rows.orderid(i)}/${rows.sku(i)}`;
    const first = this.#lineOf(seen);
    const message = same
      ? `${name} is listed again (as on line ${first}); counted once`
      : `${name} is listed again with other values (first on line ${first})`;
    const problem = { file: this.#file, line: this.#lineOf(i), message };
    (same ? this.warnings : this.problems).push(problem);
  }
}
