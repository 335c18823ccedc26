import { quotedTable } from './csv-quoted-table.js';
import {
  type CsvTable,
  headerNames,
  isBlank,
  isSepLine,
  type RowVisitor,
  TableProblem,
} from './table.js';

export { type CsvTable, isBlank, type RowVisitor, TableProblem } from './table.js';

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Reads `text` (line ends already `\n`) as CSV with a delimiter sniffed from its header. A file
 * without a single quote character has one record per line and is split directly; any other
 * goes through csv-parse, for RFC 4180 quoting.
 */
export function readTable(file: string, text: string, expected: readonly string[]): CsvTable {
  const header = headerLine(text);
  if (header === undefined) {
    const names = expected.join(',');
    throw new TableProblem({ file, line: 1, message: `is empty (expected a header: ${names})` });
  }
  const delimiter = sniffDelimiter(header.text, expected);
  return text.includes('"')
    ? quotedTable(file, text, delimiter)
    : plainTable(file, text, delimiter, header);
}

export interface HeaderLine {
  readonly text: string;
  readonly line: number;
  readonly end: number;
}

export function headerLine(text: string): HeaderLine | undefined {
  for (let start = 0, line = 1; start < text.length; line++) {
    const found = text.indexOf('\n', start);
    const end = found === -1 ? text.length : found;
    const candidate = text.slice(start, end);
    if (!isBlank(candidate.split(/[,;\t]/)) && !isSepLine(candidate)) {
      return { text: candidate, line, end };
    }
    start = end + 1;
  }
  return undefined;
}

function plainTable(file: string, text: string, delimiter: string, header: HeaderLine): CsvTable {
  const forEachRow = (visit: RowVisitor) => {
    visitLines(text, header.end + 1, header.line + 1, delimiter, visit);
  };
  const names = headerNames(header.text.split(delimiter));
  return { file, header: names, forEachRow, lineOf: plainLines(header.line) };
}

/** Visits each line of `text` from `start` as a row, `line` being the first's number; the next. */
export function visitLines(
  text: string,
  start: number,
  line: number,
  delimiter: string,
  visit: RowVisitor,
): number {
  const cells: string[] = [];
  for (; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    splitLine(text, start, end, delimiter, cells);
    visit(cells, line);
    start = end + 1;
  }
  return line;
}

/**
 * A plain table's rows are referred to by their line. Made apart from the table, so as not to
 * share the scope of `forEachRow`, which holds the file's text.
 */
export function plainLines(headerLine: number): (ref: number) => number {
  return (ref) => (ref < 0 ? headerLine : ref);
}

function splitLine(text: string, start: number, end: number, delimiter: string, cells: string[]) {
  let n = 0;
  for (let from = start; ;) {
    const at = text.indexOf(delimiter, from);
    if (at === -1 || at >= end) {
      cells[n++] = text.slice(from, end);
      break;
    }
    cells[n++] = text.slice(from, at);
    from = at + 1;
  }
  // Setting an array's length calls into V8 even when it stays the same, as it does on most lines:
  // 50 ms of a million lines.
  if (cells.length !== n) cells.length = n;
}

/** The delimiter that splits the header into the most expected names; then the most frequent. */
export function sniffDelimiter(headerLine: string, expected: readonly string[]): string {
  const score = (d: string) => {
    const names = headerLine
      .split(d)
      .map((n) => n.trim().replace(/^"|"$/g, '').trim().toLowerCase());
    return expected.filter((e) => names.includes(e)).length * 1000 + names.length;
  };
  return DELIMITERS.reduce((best, d) => (score(d) > score(best) ? d : best));
}
