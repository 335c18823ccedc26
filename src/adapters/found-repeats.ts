import type { InputProblem } from '../errors.js';
import { RepeatedLines } from './duplicates.js';
import type { LineColumns } from './line-columns.js';

/** What a run asks of a file's rows as it walks them sku by sku (see `RepeatedLines`). */
export type Repeats = Pick<RepeatedLines, 'problems' | 'warnings' | 'asked' | 'has' | 'release'>;

/** Every repeat of a file's rows, found by a walk made where the file was read, as plain data. */
export interface RepeatsFound {
  /** 1 for each row that repeats an earlier one. */
  readonly repeated: Uint8Array<ArrayBuffer>;
  readonly problems: InputProblem[];
  readonly warnings: InputProblem[];
}

/**
 * Asks `RepeatedLines` about every row, sku by sku, as a run's walk would: a worker that read
 * the file does it while the main thread is busy with other files, and the walk then only looks
 * the answers up. On the 1M re-run the main thread's questions went from 203 to 57 ms (those
 * left are allocations.csv's, read on the main thread), profiled, 3 runs each.
 */
export function findRepeats(
  kind: 'orders' | 'allocations',
  rows: LineColumns,
  lineOf: (row: number) => number,
  file: string,
): RepeatsFound {
  const repeats = new RepeatedLines(kind, rows, lineOf, file);
  const repeated = new Uint8Array(rows.length);
  for (const i of rows.bySku()) if (repeats.has(i)) repeated[i] = 1;
  return { repeated, problems: repeats.problems, warnings: repeats.warnings };
}

/** The repeats another thread found: the same answers as `RepeatedLines`, looked up. */
export class FoundRepeats implements Repeats {
  readonly problems: InputProblem[];
  readonly warnings: InputProblem[];
  #repeated: Uint8Array;

  constructor({ repeated, problems, warnings }: RepeatsFound) {
    this.#repeated = repeated;
    this.problems = problems;
    this.warnings = warnings;
  }

  /** Every row, asked about where the file was read. */
  get asked(): number {
    return this.#repeated.length;
  }

  has(i: number): boolean {
    return this.#repeated[i] === 1;
  }

  release(): void {
    this.#repeated = new Uint8Array(0);
  }
}
