import { z } from 'zod';
import type { CsvTable } from './csv-table.js';

/** Larger quantities are typing mistakes, and sums of a million of them stay exact. */
export const MAX_QUANTITY = 1_000_000_000;

/** The rule for each kind of column, on the raw text of a cell. */
export const identifier = z.string().trim().min(1, { error: 'is empty' });

export const quantity = (min: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'is empty' })
    .regex(/^[0-9]+$/, { error: 'is not a whole number' })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `must be at least ${min}` })
        .max(MAX_QUANTITY, { error: `must be at most ${MAX_QUANTITY}` }),
    );

const isoDate = z.iso.date();
export const eta = z
  .string()
  .trim()
  .transform((value, context) => {
    if (value === '' || isoDate.safeParse(value).success) return value === '' ? null : value;
    context.addIssue({ code: 'custom', message: 'is not a date of the form YYYY-MM-DD' });
    return z.NEVER;
  });

/** Each file's columns and rules; CSV header names appear only in this folder. */
export const BATCH_COLUMNS = { ref: identifier, sku: identifier, qty: quantity(0), eta };
export const ORDER_COLUMNS = { orderid: identifier, sku: identifier, qty: quantity(1) };
export const ALLOCATION_COLUMNS = {
  orderid: identifier,
  sku: identifier,
  qty: quantity(1),
  batchref: identifier,
};

type Rules = Record<string, z.ZodType<unknown, string>>;
export type RowOf<R extends Rules> = { [K in keyof R]: z.output<R[K]> };

/** A cell that breaks its column's rule, in a data row (`row`) or the header (-1). */
export interface CellProblem {
  readonly row: number;
  readonly message: string;
}

/**
 * Reads every data row of `table` against `rules`. Quantities and dates repeat, so each distinct
 * raw value is checked by its schema once; an identifier that trims to something non-empty is
 * what `identifier` accepts, so only the others go through zod (a test keeps the two in step).
 */
export function readRows<R extends Rules>(table: CsvTable, rules: R) {
  const names = Object.keys(rules) as (keyof R & string)[];
  const missing = names.filter((name) => !table.columns.has(name));
  if (missing.length > 0) {
    const found = [...table.columns.keys()].join(', ') || 'nothing';
    const message = `missing column ${missing.map((m) => `"${m}"`).join(', ')} (the header has: ${found})`;
    return { rows: [], rowIndex: [], problems: [{ row: -1, message }] };
  }
  const readers = names.map((name) => cellReader(name, rules[name] as R[string]));
  const indexes = names.map((name) => table.columns.get(name) as number);
  const needed = Math.max(...indexes) + 1;
  const width = Math.max(...table.columns.values()) + 1;
  const rows: RowOf<R>[] = [];
  const rowIndex: number[] = [];
  const problems: CellProblem[] = [];
  table.rows.forEach((cells, row) => {
    const shape = raggedness(cells, needed, width);
    if (shape) {
      problems.push({ row, message: shape });
      return;
    }
    const record: Record<string, unknown> = {};
    let ok = true;
    for (let c = 0; c < names.length; c++) {
      const result = (readers[c] as CellReader)(cells[indexes[c] as number] as string);
      if (result instanceof Issue) {
        problems.push({ row, message: result.message });
        ok = false;
      } else record[names[c] as string] = result;
    }
    if (ok) {
      rows.push(record as RowOf<R>);
      rowIndex.push(row);
    }
  });
  return { rows, rowIndex, problems };
}

class Issue {
  constructor(readonly message: string) {}
}
type CellReader = (raw: string) => unknown;

function cellReader(column: string, schema: z.ZodType<unknown, string>): CellReader {
  const check = (raw: string) => {
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    const what = raw.trim() === '' ? column : `${column} "${raw.trim()}"`;
    return new Issue(`${what} ${result.error.issues[0]?.message ?? 'is invalid'}`);
  };
  if (schema === identifier) return (raw) => raw.trim() || check(raw);
  const memo = new Map<string, unknown>();
  return (raw) => {
    let result = memo.get(raw);
    if (result === undefined) {
      result = check(raw);
      memo.set(raw, result);
    }
    return result;
  };
}

function raggedness(cells: readonly string[], needed: number, width: number): string | undefined {
  if (cells.length < needed) return `has ${cells.length} values, the header has ${width} columns`;
  for (let i = width; i < cells.length; i++) {
    if ((cells[i] as string).trim() !== '') {
      return `has ${cells.length} values, the header has ${width} columns`;
    }
  }
  return undefined;
}
