import type { InputProblem } from '../errors.js';
import {
  type ByteSource,
  LineTooLong,
  lineEndsBefore,
  MAX_LINE_BYTES,
  sourceBefore,
  wholeBytes,
} from './byte-source.js';
import { NotPlain, streamedTable } from './csv-streamed-table.js';
import { type CsvTable, readTable, TableProblem } from './csv-table.js';
import { decodeSpreadsheet, NotText } from './decode.js';
import { LineColumns } from './line-columns.js';
import { ALLOCATION_COLUMNS, BATCH_COLUMNS, ORDER_COLUMNS, type RowOf } from './column-rules.js';
import { forgetLastMatch, ownCopy } from './own-string.js';
import { readRows } from './row-schemas.js';
import { allocationSink, batchSink, orderSink } from './row-sinks.js';

export type BatchRow = RowOf<typeof BATCH_COLUMNS>;

/** Each input file: its name, whether it must be there, and what one of its rows is called. */
export const INPUTS = {
  batches: { name: 'batches.csv', required: true, what: 'batch' },
  orders: { name: 'orders.csv', required: true, what: 'order line' },
  allocations: { name: 'allocations.csv', required: false, what: 'allocation' },
} as const;
export type InputKind = keyof typeof INPUTS;

/** What a file's rows are read into: batches as objects, lines as columns. */
export interface RowsOf {
  batches: BatchRow[];
  orders: LineColumns;
  allocations: LineColumns;
}

/** A file's valid rows, its problems, and the line each row starts on. */
export interface ParsedFile<T> {
  readonly rows: T;
  readonly problems: InputProblem[];
  readonly lineOf: (row: number) => number;
  /** The header's line and its extra columns (see `ExtraColumns`). */
  readonly extraColumns?: ExtraColumns;
}

/**
 * The columns no rule reads: by name, each once, and those with no name in the header but a
 * value in a row, by number (from 1).
 */
export interface ExtraColumns {
  readonly line: number;
  readonly names: readonly string[];
  readonly unnamed: readonly number[];
}

/**
 * Reads one input file; what is wrong with it comes back as problems, not errors. A file of
 * plain UTF-8 text is read a piece at a time (see `streamedTable`); any other is decoded whole.
 */
export function parseFile<K extends InputKind>(
  kind: K,
  file: string,
  source: ByteSource,
): ParsedFile<RowsOf[K]> {
  return parsePlainFile(kind, file, source) ?? parseWholeFile(kind, file, source);
}

/** Where a part of a file starts and ends, in bytes: each at the start of a line. */
export interface FilePart {
  readonly from: number;
  readonly to: number;
}

/**
 * As `parseFile`, for a file of plain UTF-8 text; undefined for any other. With `part`, only the
 * rows of the lines in it (see `streamedTable`), for a file read in two parts.
 */
export function parsePlainFile<K extends InputKind>(
  kind: K,
  file: string,
  source: ByteSource,
  part?: FilePart,
): ParsedFile<RowsOf[K]> | undefined {
  try {
    const within = part ? sourceBefore(source, part.to) : source;
    const table = streamedTable(file, within, expectedColumns(kind), part?.from);
    return table && readFile(kind, table);
  } catch (error) {
    // Read whole, a file with too long a line fails again, as a problem on that line.
    if (error instanceof NotPlain || error instanceof LineTooLong) return undefined;
    throw error;
  }
}

function parseWholeFile<K extends InputKind>(
  kind: K,
  file: string,
  source: ByteSource,
): ParsedFile<RowsOf[K]> {
  try {
    const text = decodeSpreadsheet(wholeBytes(source));
    return readFile(kind, readTable(file, text, expectedColumns(kind)));
  } catch (error) {
    const problem = problemOf(error, file, source);
    return { rows: noRows(kind), problems: [problem], lineOf: () => 0 };
  }
}

function readFile<K extends InputKind>(kind: K, table: CsvTable): ParsedFile<RowsOf[K]> {
  const rows = noRows(kind);
  const parsed = readRows(table, RULES[kind], sinkOf(kind, rows));
  // What is returned refers to the table's line numbers only, not to the table: its rows and
  // the file's text go once read (56 MB for a million order lines read whole).
  forgetLastMatch();
  const tableLine = table.lineOf;
  const { file } = table;
  const problems = parsed.problems.map(({ ref, message }) => ({
    file,
    line: tableLine(ref),
    message,
  }));
  const { refs } = parsed;
  const lineOf = (row: number) => tableLine(row < refs.length ? refs.at(row) : -1);
  const extra = table.header.filter((name) => name !== '' && !Object.hasOwn(RULES[kind], name));
  const names = [...new Set(extra)].map(ownCopy);
  const extraColumns = { line: tableLine(-1), names, unnamed: parsed.unnamedWithValues };
  return { rows, problems, lineOf, extraColumns };
}

const RULES = { batches: BATCH_COLUMNS, orders: ORDER_COLUMNS, allocations: ALLOCATION_COLUMNS };

/** Empty rows of a kind of file. */
export function noRows<K extends InputKind>(kind: K): RowsOf[K] {
  return (kind === 'batches' ? [] : new LineColumns()) as RowsOf[K];
}

function sinkOf(kind: InputKind, rows: RowsOf[InputKind]) {
  if (kind === 'batches') return batchSink(rows as BatchRow[]);
  return (kind === 'orders' ? orderSink : allocationSink)(rows as LineColumns);
}

function expectedColumns(kind: InputKind): string[] {
  return Object.keys(RULES[kind]);
}

function problemOf(error: unknown, file: string, source: ByteSource): InputProblem {
  if (error instanceof TableProblem) return error.problem;
  if (error instanceof NotText) return { file, line: error.line, message: error.message };
  if (error instanceof LineTooLong) {
    const line = lineEndsBefore(source, error.start) + 1;
    const mb = MAX_LINE_BYTES / 2 ** 20;
    return { file, line, message: `is over ${mb} MB long, with no line end: is this a CSV file?` };
  }
  throw error;
}
