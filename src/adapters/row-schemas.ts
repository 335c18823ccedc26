import * as z from 'zod/mini';
import { type CsvTable, isBlank } from './csv-table.js';
import { Int32List } from './int32-list.js';
import type { LineColumns } from './line-columns.js';
import { ownCopy } from './own-string.js';

/** Larger quantities are typing mistakes, and sums of a million of them stay exact. */
export const MAX_QUANTITY = 1_000_000_000;

/*
 * zod's mini build: the same rules, written as checks. The full build is 100 KB more in the
 * CLI's bundle and sets up its English messages when loaded, which the rules here do not use
 * (each has its own): a 10,000-line run took about 20 ms less.
 */

const trimmed = () => z.string().check(z.trim());
const present = () => trimmed().check(z.minLength(1, { error: 'is empty' }));

/** The rule for each kind of column, on the raw text of a cell. */
export const identifier = present();
/** The same rule, for a column with few distinct values (sku): rows share one string each. */
export const repeatedIdentifier = present();

export const quantity = (min: number) =>
  z.pipe(
    z.pipe(
      present().check(z.regex(/^[0-9]+$/, { error: 'is not a whole number' })),
      z.transform(Number),
    ),
    // Only a number too large for a double fails as a number: it is Infinity.
    z
      .number({ error: `must be at most ${MAX_QUANTITY}` })
      .check(
        z.gte(min, { error: `must be at least ${min}` }),
        z.lte(MAX_QUANTITY, { error: `must be at most ${MAX_QUANTITY}` }),
      ),
  );

const isoDate = z.iso.date();
export const eta = z.pipe(
  trimmed(),
  z.transform((value: string, context) => {
    if (value === '' || isoDate.safeParse(value).success) return value === '' ? null : value;
    context.issues.push({
      code: 'custom',
      message: 'is not a date of the form YYYY-MM-DD',
      input: value,
    });
    return z.NEVER;
  }),
);

/** Each file's columns and rules; CSV header names appear only in this folder. */
export const BATCH_COLUMNS = { ref: identifier, sku: repeatedIdentifier, qty: quantity(0), eta };
export const ORDER_COLUMNS = { orderid: identifier, sku: repeatedIdentifier, qty: quantity(1) };
export const ALLOCATION_COLUMNS = {
  orderid: identifier,
  sku: repeatedIdentifier,
  qty: quantity(1),
  batchref: identifier,
};

type Rules = Record<string, z.ZodMiniType<unknown, string>>;
export type RowOf<R extends Rules> = { [K in keyof R]: z.output<R[K]> };

/** Builds a row from its checked values, in the rules' order (one object shape per file). */
export type RowBuilder<R extends Rules> = (values: readonly unknown[]) => RowOf<R>;

/** Takes a valid row's checked values, in the rules' order (the array is reused). */
export type RowSink = (values: readonly unknown[]) => void;

/** A batch's ref is copied from the file's text, so as not to keep all of it (see own-string.ts). */
export const buildBatch: RowBuilder<typeof BATCH_COLUMNS> = (v) => ({
  ref: ownCopy(v[0] as string),
  sku: v[1] as string,
  qty: v[2] as number,
  eta: v[3] as string | null,
});
/** Order lines and allocation rows go to columns (see line-columns.ts). */
export const orderSink =
  (lines: LineColumns): RowSink =>
  (v) =>
    lines.push(v[0] as string, v[1] as string, v[2] as number);
export const allocationSink =
  (lines: LineColumns): RowSink =>
  (v) =>
    lines.push(v[0] as string, v[1] as string, v[2] as number, v[3] as string);

/** A cell that breaks its column's rule, in a data row or the header (ref -1). */
export interface CellProblem {
  readonly ref: number;
  readonly message: string;
}

/**
 * Reads every data row of `table` against `rules`, skipping blank rows, and gives each valid
 * row's values to `keep`. Quantities, dates and repeated identifiers repeat, so each distinct raw
 * value is checked by its schema once, and rows share the result (one sku string, not a million
 * copies); an identifier that trims to something non-empty is what `identifier` accepts, so only
 * the others go through zod (a test keeps the two in step). `refs.at(i)` is the table's
 * reference of the i-th row kept, for its line.
 */
export function readRows(table: CsvTable, rules: Rules, keep: RowSink) {
  const names = Object.keys(rules);
  const refs = new Int32List();
  const problems: CellProblem[] = [];
  const missing = names.filter((name) => !table.columns.has(name));
  if (missing.length > 0) {
    const found = [...table.columns.keys()].join(', ') || 'nothing';
    const message = `missing column ${missing.map((m) => `"${m}"`).join(', ')} (the header has: ${found})`;
    return { refs, problems: [{ ref: -1, message }] };
  }
  const readers = names.map((name) => cellReader(name, rules[name] as Rules[string]));
  const indexes = names.map((name) => table.columns.get(name) as number);
  const needed = Math.max(...indexes) + 1;
  const width = Math.max(...table.columns.values()) + 1;
  const values: unknown[] = new Array(names.length);
  table.forEachRow((cells, ref) => {
    if ((cells[indexes[0] as number] ?? '').trim() === '' && isBlank(cells)) return;
    const shape = raggedness(cells, needed, width);
    if (shape) {
      problems.push({ ref, message: shape });
      return;
    }
    let ok = true;
    for (let c = 0; c < readers.length; c++) {
      const result = (readers[c] as CellReader)(cells[indexes[c] as number] as string);
      if (result instanceof Issue) {
        problems.push({ ref, message: result.message });
        ok = false;
      } else values[c] = result;
    }
    if (ok) {
      keep(values);
      refs.push(ref);
    }
  });
  return { refs, problems };
}
class Issue {
  constructor(readonly message: string) {}
}
type CellReader = (raw: string) => unknown;

function cellReader(column: string, schema: z.ZodMiniType<unknown, string>): CellReader {
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
      // A copy, as rows keep what they share: a slice would keep the file's text.
      result = check(raw);
      if (typeof result === 'string') result = ownCopy(result);
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
