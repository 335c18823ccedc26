import type { InputProblem } from '../errors.js';

/** Calls back with a data row's cells (an array reused from row to row) and its reference. */
export type RowVisitor = (cells: readonly string[], ref: number) => void;

/** A table read from one CSV file: the header's columns, then its data rows. */
export interface CsvTable {
  readonly file: string;
  /** The header's names in order, trimmed and lower-cased; '' for a column with no name. */
  readonly header: readonly string[];
  /** Visits every data row after the header, blank ones included, in file order. */
  forEachRow(visit: RowVisitor): void;
  /**
   * The physical line (1-based, as an editor shows it) where a row starts; -1 is the header. A
   * function of its own, kept after the table: it holds neither the rows nor, for most files,
   * the text.
   */
  readonly lineOf: (ref: number) => number;
}

/** A file whose structure cannot be read as a table at all. */
export class TableProblem extends Error {
  constructor(readonly problem: InputProblem) {
    super(`${problem.file}:${problem.line}: ${problem.message}`);
  }
}

/** A header's names as rules match them: trimmed, unquoted, lower-cased. */
export function headerNames(header: readonly string[]): string[] {
  return header.map((name) =>
    name
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim()
      .toLowerCase(),
  );
}

/** Excel's hint `sep=;`, which some exports put before the header: no part of the table. */
export function isSepLine(text: string): boolean {
  return /^\s*sep=[,;\t]\s*$/i.test(text);
}

/** A row whose every value is empty or spaces, like `;;;`: skipped as a blank line. */
export function isBlank(cells: readonly string[]): boolean {
  return cells.every((value) => value.trim() === '');
}
