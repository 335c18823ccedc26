import {
  type BATCH_COLUMNS,
  identifier,
  plainQuantity,
  quantityMin,
  type RowOf,
  type Rules,
} from './column-rules.js';
import { type CsvTable, isBlank } from './csv-table.js';
import { headerNames } from './table.js';
import { Int32List } from './int32-list.js';
import type { LineColumns } from './line-columns.js';
import { ownCopy } from './own-string.js';
import { listed, quoted, shortened } from './shown.js';

/** Takes a valid row's checked values, in the rules' order (the array is reused). */
export type RowSink = (values: readonly unknown[]) => void;

type BatchRow = RowOf<typeof BATCH_COLUMNS>;

/**
 * Batch rows go to objects. A batch's ref and sku are copied from the file's text, so as not to
 * keep all of it (see own-string.ts), and rows of one sku share one string.
 */
export const batchSink = (rows: BatchRow[]): RowSink => {
  const skus = new Map<string, string>();
  return (v) => {
    let sku = skus.get(v[1] as string);
    if (sku === undefined) {
      sku = ownCopy(v[1] as string);
      skus.set(sku, sku);
    }
    rows.push({
      ref: ownCopy(v[0] as string),
      sku,
      qty: v[2] as number,
      eta: v[3] as string | null,
    });
  };
};
/** Order lines and allocation rows go to columns (see line-columns.ts), which share their skus. */
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
 * row's values to `keep`. An identifier that trims to something non-empty is what `identifier`
 * accepts, and a quantity of plain digits is checked directly (see `plainQuantity`), so only the
 * others go through zod (a test keeps the two in step). Other quantities, and dates, repeat: each
 * distinct raw value is checked by its schema once, and rows share the result. `refs.at(i)` is
 * the table's reference of the i-th row kept, for its line.
 */
export function readRows(table: CsvTable, rules: Rules, keep: RowSink) {
  const names = Object.keys(rules);
  const refs = new Int32List();
  const problems: CellProblem[] = [];
  const indexes = columnsOf(table.header, names);
  if (typeof indexes === 'string') return { refs, problems: [{ ref: -1, message: indexes }] };
  const readers = names.map((name) => cellReader(name, rules[name] as Rules[string]));
  const needed = Math.max(...indexes) + 1;
  const width = table.header.length;
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
    } else if (repeatsHeader(cells, table.header)) {
      while (problems.at(-1)?.ref === ref) problems.pop();
      problems.push({ ref, message: REPEATED_HEADER });
    }
  });
  return { refs, problems };
}
/**
 * Where each of `names` is in `header`; or, if one is missing or there twice (which would be
 * meant?), what is wrong with the header. Columns the rules do not read may repeat or be unnamed.
 */
function columnsOf(header: readonly string[], names: readonly string[]): number[] | string {
  const missing = names.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    const found = listed(header.filter((name) => name !== '').map(shortened)) || 'nothing';
    return `missing column ${missing.map((m) => `"${m}"`).join(', ')} (the header has: ${found})`;
  }
  for (const name of names) {
    const at = header.flatMap((found, i) => (found === name ? [String(i + 1)] : []));
    if (at.length > 1) {
      const times = at.length === 2 ? 'twice' : `${at.length} times`;
      const where = `${at.slice(0, -1).join(', ')} and ${at.at(-1)}`;
      return `column "${name}" is in the header ${times} (columns ${where})`;
    }
  }
  return names.map((name) => header.indexOf(name));
}

const REPEATED_HEADER = 'repeats the header (two files joined into one?): remove the line';

/** Whether a data row is the header again, as it reads after trimming, in any case. */
function repeatsHeader(cells: readonly string[], header: readonly string[]): boolean {
  const names = headerNames(cells.slice(0, header.length));
  return header.every((name, i) => names[i] === name);
}

class Issue {
  constructor(readonly message: string) {}
}
type CellReader = (raw: string) => unknown;

function cellReader(column: string, schema: Rules[string]): CellReader {
  const check = (raw: string) => {
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    const what = raw.trim() === '' ? column : `${column} ${quoted(raw.trim())}`;
    return new Issue(`${what} ${result.error.issues[0]?.message ?? 'is invalid'}`);
  };
  if (schema === identifier) return (raw) => raw.trim() || check(raw);
  const memo = new Map<string, unknown>();
  const memoized = (raw: string) => {
    let result = memo.get(raw);
    if (result === undefined) {
      // Copies, as rows keep what they share and the map keeps its keys while the file is read:
      // a slice would keep the file's text, or the piece of it where the value first appears.
      result = check(raw);
      if (typeof result === 'string') result = ownCopy(result);
      memo.set(ownCopy(raw), result);
    }
    return result;
  };
  const min = quantityMin(schema);
  if (min === undefined) return memoized;
  return (raw) => plainQuantity(raw, min) ?? memoized(raw);
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
