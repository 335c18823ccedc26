import { InputError, type InputProblem } from '../errors.js';
import { RepeatedLines } from './duplicates.js';
import { INPUTS, type ParsedFile } from './input-files.js';
import { byPosition } from './input-order.js';
import { LineColumns } from './line-columns.js';

/** The files of lines (orders.csv, allocations.csv) as a run walks them, and their checks. */

/** Rows of a file of lines, the order to handle them in, and which to skip. */
export class Lines {
  #rows: LineColumns;
  #bySku: Int32Array;
  #lineOf: (row: number) => number;
  readonly #kind: 'orders' | 'allocations';
  readonly #file: string;
  /** Asked of every row, in `bySku` order: whether it repeats an earlier one (skip it). */
  readonly repeats: RepeatedLines;

  /** A file of lines, grouped by sku, ready to be walked. */
  constructor(
    kind: 'orders' | 'allocations',
    { file, rows, lineOf }: ParsedFile<LineColumns> & { file: string },
  ) {
    this.#rows = rows;
    this.#bySku = rows.bySku();
    this.#lineOf = lineOf;
    this.#kind = kind;
    this.#file = file;
    this.repeats = new RepeatedLines(kind, rows, lineOf, file);
  }

  /**
   * Every conflicting repeat in the file: the walk's, once it has asked about every row. Before
   * that (orders.csv read on a worker may be found wrong while allocations.csv is walked), a
   * walk of its own finds them all, and leaves the run's walk as it was.
   */
  conflicts(): InputProblem[] {
    if (this.repeats.asked >= this.#bySku.length) return this.repeats.problems;
    const own = new RepeatedLines(this.#kind, this.#rows, this.#lineOf, this.#file);
    this.#bySku.forEach((i) => own.has(i));
    return own.problems;
  }

  get rows(): LineColumns {
    return this.#rows;
  }

  /** Row indexes grouped by sku, each sku's rows in file order. */
  get bySku(): Int32Array {
    return this.#bySku;
  }

  /** Call before handling the rows at `bySku[from..to)`: see `prefetch`. */
  prefetch(from: number, to: number): void {
    if (this.#bySku.length >= PREFETCH_FROM) prefetch(this.#rows, this.#bySku, from, to);
  }

  /**
   * Forgets the rows, once walked and their repeats taken: a run's outputs are made without
   * them (a million order lines' columns are about 30 MB). What was found stays in `repeats`.
   */
  release(): void {
    this.#rows = new LineColumns();
    this.#bySku = new Int32Array(0);
    this.#lineOf = () => 0;
    this.repeats.release();
  }
}

/** What is wrong with the files of lines, once their rows are in: problems and repeats. */
export class LineChecks {
  #orders: Lines | undefined;

  constructor(private readonly allocations: Lines) {}

  /** Every problem found, with every conflicting repeat in either file. */
  everyProblem(orders: Lines, found: InputProblem[]): InputError {
    const conflicts = [this.allocations, orders].flatMap((lines) => lines.conflicts());
    return new InputError(sorted([...found, ...conflicts]));
  }

  /** The order lines, if they have no problem; else every problem, as an InputError. */
  accept(orders: Lines, found: InputProblem[]): Lines {
    if (found.length > 0) throw this.everyProblem(orders, found);
    this.#orders = orders;
    return orders;
  }

  readonly repeatWarnings = (): InputProblem[] => {
    const walked = this.#orders ? [this.allocations, this.#orders] : [this.allocations];
    const found = walked.flatMap((l) => l.repeats.problems);
    if (found.length > 0) throw new InputError(sorted(found));
    return sorted(walked.flatMap((l) => l.repeats.warnings));
  };
}

/**
 * Rows are read ahead in files of this many rows or more. Fewer fit the processor's cache, and
 * reading ahead only costs: allocating took 4 ms less at 10,000 lines without it, 8 ms less at
 * 100,000, the same at 400,000, and 59 ms more at a million (medians of 20, 15, 8 and 5 runs, in
 * turn).
 */
const PREFETCH_FROM = 500_000;

/** Where `prefetch` leaves what it read, so that the reads are not optimised away. */
const PREFETCHED = new Float64Array(1);

/**
 * Reads some of each row at `bySku[from..to)` (a little of every column: see
 * `LineColumns.touch`) in one short loop. Rows handled sku by sku are scattered in memory, and
 * each read costs a cache miss; in a short loop the processor overlaps those misses, where
 * between two commands it waits for each in turn. A block of 256 rows fits the cache until it is
 * handled: its orders loop took 16% less time on this project's machine with the qty and orderid
 * read ahead, and putting back 500,000 allocations 5 to 8% less with the sku and batch ref too.
 */
function prefetch(rows: LineColumns, bySku: Int32Array, from: number, to: number): void {
  let sum = 0;
  for (let k = from, end = Math.min(to, bySku.length); k < end; k++) {
    sum += rows.touch(bySku[k] as number);
  }
  PREFETCHED[0] = sum;
}

const FILE_ORDER = [INPUTS.batches.name, INPUTS.orders.name, INPUTS.allocations.name];

/**
 * In file order (batches, orders, allocations), then line order; sorted in place, each file's
 * by a counting sort of its lines. A file pasted in twice gives a warning per line: a million
 * of them took over a second to sort by comparisons.
 */
export function sorted(problems: InputProblem[]): InputProblem[] {
  const byFile: InputProblem[][] = FILE_ORDER.map(() => []);
  const elsewhere: InputProblem[] = [];
  for (const problem of problems) {
    const rank = FILE_ORDER.findIndex((name) => problem.file.endsWith(name));
    (byFile[rank] ?? elsewhere).push(problem);
  }
  let at = 0;
  for (const group of [elsewhere, ...byFile]) {
    for (const i of byPosition(group.map((problem) => problem.line))) {
      problems[at++] = group[i] as InputProblem;
    }
  }
  return problems;
}
