import { identifier, plainQuantity, quantityMin, type Rules } from './column-rules.js';
import { type CsvTable, isBlank } from './csv-table.js';
import { headerNames } from './table.js';
import { Int32List } from './int32-list.js';
import { ownCopy } from './own-string.js';
import type { RowSink } from './row-sinks.js';
import { listed, quoted, shortened } from './shown.js';

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
  const indexes = columnsOf(table.header, names);
  if (typeof indexes === 'string') return { refs, problems: [{ ref: -1, message: indexes }] };
  const problems: CellProblem[] = [];
  const readers = names.map((name) => cellReader(name, rules[name] as Rules[string]));
  const read = rowReader(table.header, indexes, readers, problems);
  table.forEachRow((cells, ref) => {
    const values = read(cells, ref);
    if (values === undefined) return;
    keep(values);
    refs.push(ref);
  });
  return { refs, problems };
}

/**
 * Reads a data row's cells at `indexes`: their values (in one array, reused), or undefined for
 * a blank row or one with problems, which go to `problems`.
 */
function rowReader(
  header: readonly string[],
  indexes: readonly number[],
  readers: readonly CellReader[],
  problems: CellProblem[],
): (cells: readonly string[], ref: number) => unknown[] | undefined {
  const needed = Math.max(...indexes) + 1;
  const values: unknown[] = new Array(readers.length);
  return (cells, ref) => {
    if ((cells[indexes[0] as number] ?? '').trim() === '' && isBlank(cells)) return undefined;
    const shape = raggedness(cells, needed, header.length);
    if (shape) {
      problems.push({ ref, message: shape });
      return undefined;
    }
    const before = problems.length;
    for (let c = 0; c < readers.length; c++) {
      const result = (readers[c] as CellReader)(cells[indexes[c] as number] as string);
      if (result instanceof Issue) problems.push({ ref, message: result.message });
      else values[c] = result;
    }
    if (problems.length === before) return values;
    // A row that is the header again: one problem in place of one per cell.
    if (repeatsHeader(cells, header)) {
      problems.splice(before, problems.length - before, { ref, message: REPEATED_HEADER });
    }
    return undefined;
  };
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
