import type { InputProblem } from '../errors.js';
import { readTable, TableProblem } from './csv-table.js';
import { decodeSpreadsheet, NotText } from './decode.js';
import {
  ALLOCATION_COLUMNS,
  BATCH_COLUMNS,
  buildAllocation,
  buildBatch,
  buildOrder,
  ORDER_COLUMNS,
  type RowOf,
  readRows,
} from './row-schemas.js';

export type BatchRow = RowOf<typeof BATCH_COLUMNS>;
export type OrderRow = RowOf<typeof ORDER_COLUMNS>;
export type AllocationRow = RowOf<typeof ALLOCATION_COLUMNS>;

/** Each input file: its name, whether it must be there, and what one of its rows is called. */
export const INPUTS = {
  batches: { name: 'batches.csv', required: true, what: 'batch' },
  orders: { name: 'orders.csv', required: true, what: 'order line' },
  allocations: { name: 'allocations.csv', required: false, what: 'allocation' },
} as const;
export type InputKind = keyof typeof INPUTS;

export interface RowsOf {
  batches: BatchRow;
  orders: OrderRow;
  allocations: AllocationRow;
}

/** A file's valid rows, its problems, and the line each row starts on. */
export interface ParsedFile<T> {
  readonly rows: T[];
  readonly problems: InputProblem[];
  readonly lineOf: (row: number) => number;
}

/** Decodes and reads one input file; what is wrong with it comes back as problems, not errors. */
export function parseFile<K extends InputKind>(
  kind: K,
  file: string,
  bytes: Buffer,
): ParsedFile<RowsOf[K]> {
  try {
    const text = decodeSpreadsheet(bytes);
    const parsed = readKind(kind, readTable(file, text, expectedColumns(kind)));
    const problems = parsed.problems.map(({ ref, message }) => ({
      file,
      line: parsed.table.lineOf(ref),
      message,
    }));
    const lineOf = (row: number) => parsed.table.lineOf(parsed.refs[row] ?? -1);
    return { rows: parsed.rows as RowsOf[K][], problems, lineOf };
  } catch (error) {
    const problem = problemOf(error, file);
    return { rows: [], problems: [problem], lineOf: () => 0 };
  }
}

function readKind(kind: InputKind, table: ReturnType<typeof readTable>) {
  const read =
    kind === 'batches'
      ? readRows(table, BATCH_COLUMNS, buildBatch)
      : kind === 'orders'
        ? readRows(table, ORDER_COLUMNS, buildOrder)
        : readRows(table, ALLOCATION_COLUMNS, buildAllocation);
  return { ...read, table };
}

function expectedColumns(kind: InputKind): string[] {
  const rules = { batches: BATCH_COLUMNS, orders: ORDER_COLUMNS, allocations: ALLOCATION_COLUMNS };
  return Object.keys(rules[kind]);
}

function problemOf(error: unknown, file: string): InputProblem {
  if (error instanceof TableProblem) return error.problem;
  if (error instanceof NotText) return { file, line: 1, message: error.message };
  throw error;
}
