import { identifier, plainQuantity, quantityMin, type Rules } from './column-rules.js';
import { type CsvTable, isBlank } from './csv-table.js';
import { columnsOf, REPEATED_HEADER, repeatsHeader, UnnamedColumns } from './header-columns.js';
import { Int32List } from './int32-list.js';
import { ownCopy } from './own-string.js';
import type { RowSink } from './row-sinks.js';
import { quoted } from './shown.js';

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
 * the table's reference of the i-th row kept, for its line. Columns with no name in the header
 * are not read, but those with a value in a row kept are given (`unnamedWithValues`).
 */
export function readRows(table: CsvTable, rules: Rules, keep: RowSink) {
  const names = Object.keys(rules);
  const refs = new Int32List();
  const indexes = columnsOf(table.header, names);
  if (typeof indexes === 'string') {
    return { refs, problems: [{ ref: -1, message: indexes }], unnamedWithValues: [] };
  }
  const problems: CellProblem[] = [];
  const readers = names.map((name) => cellReader(name, rules[name] as Rules[string]));
  const read = rowReader(table.header, indexes, readers, problems);
  const unnamed = UnnamedColumns.of(table.header);
  table.forEachRow((cells, ref) => {
    const values = read(cells, ref);
    if (values === undefined) return;
    keep(values);
    refs.push(ref);
    unnamed?.see(cells);
  });
  return { refs, problems, unnamedWithValues: unnamed?.withValues() ?? [] };
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
