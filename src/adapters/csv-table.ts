import { CsvError, parse } from 'csv-parse/sync';
import type { InputProblem } from '../errors.js';

const DELIMITERS = [',', ';', '\t'] as const;
/** A record this long is a quote left open, not data: stop before it eats the file. */
const MAX_RECORD_CHARS = 1 << 20;

/** Calls back with a data row's cells (an array reused from row to row) and its reference. */
export type RowVisitor = (cells: readonly string[], ref: number) => void;

/** A table read from one CSV file: the header's columns, then its data rows. */
export interface CsvTable {
  readonly file: string;
  /** Column index by header name, trimmed and lower-cased. */
  readonly columns: ReadonlyMap<string, number>;
  /** Visits every data row after the header, blank ones included, in file order. */
  forEachRow(visit: RowVisitor): void;
  /** The physical line (1-based, as an editor shows it) where a row starts; -1 is the header. */
  lineOf(ref: number): number;
}

/** A file whose structure cannot be read as a table at all. */
export class TableProblem extends Error {
  constructor(readonly problem: InputProblem) {
    super(`${problem.file}:${problem.line}: ${problem.message}`);
  }
}

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

interface HeaderLine {
  readonly text: string;
  readonly line: number;
  readonly end: number;
}

function headerLine(text: string): HeaderLine | undefined {
  for (let start = 0, line = 1; start < text.length; line++) {
    const found = text.indexOf('\n', start);
    const end = found === -1 ? text.length : found;
    const candidate = text.slice(start, end);
    if (candidate.trim() !== '' && !isBlank(candidate.split(/[,;\t]/))) {
      return { text: candidate, line, end };
    }
    start = end + 1;
  }
  return undefined;
}

function plainTable(file: string, text: string, delimiter: string, header: HeaderLine): CsvTable {
  const forEachRow = (visit: RowVisitor) => {
    const cells: string[] = [];
    for (let start = header.end + 1, line = header.line + 1; start < text.length; line++) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      splitLine(text, start, end, delimiter, cells);
      visit(cells, line);
      start = end + 1;
    }
  };
  const lineOf = (ref: number) => (ref < 0 ? header.line : ref);
  return { file, columns: headerColumns(header.text.split(delimiter)), forEachRow, lineOf };
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
  cells.length = n;
}

function quotedTable(file: string, text: string, delimiter: string): CsvTable {
  const records = parseRecords(file, text, { delimiter });
  const header = records.findIndex((record) => !isBlank(record));
  let starts: number[] | undefined;
  return {
    file,
    columns: headerColumns(records[header] ?? []),
    forEachRow(visit) {
      for (let r = header + 1; r < records.length; r++) visit(records[r] ?? [], r);
    },
    lineOf(ref) {
      starts ??= recordStartLines(file, text, delimiter);
      return starts[ref < 0 ? header : ref] ?? 0;
    },
  };
}

function parseRecords(file: string, text: string, options: { delimiter: string; info?: boolean }) {
  try {
    return parse(text, {
      ...options,
      record_delimiter: '\n',
      relax_quotes: true,
      relax_column_count: true,
      max_record_size: MAX_RECORD_CHARS,
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const problem = { file, line: csvErrorLine(error, text), message: csvErrorMessage(error) };
    throw new TableProblem(problem);
  }
}

/** Start lines of every record, blank ones included: the slow parse, run only when needed. */
function recordStartLines(file: string, text: string, delimiter: string): number[] {
  const records = parseRecords(file, text, { delimiter, info: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  return records.map(({ record, info }) => info.lines - newlinesIn(record));
}

function newlinesIn(record: readonly string[]): number {
  let count = 0;
  for (const value of record) {
    for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) count++;
  }
  return count;
}

function headerColumns(header: readonly string[]): Map<string, number> {
  const columns = new Map<string, number>();
  header.forEach((name, i) => {
    const key = name
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim()
      .toLowerCase();
    if (key !== '' && !columns.has(key)) columns.set(key, i);
  });
  return columns;
}

/** A row whose every value is empty or spaces, like `;;;`: skipped as a blank line. */
export function isBlank(cells: readonly string[]): boolean {
  return cells.every((value) => value.trim() === '');
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

function csvErrorMessage(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
    case 'CSV_MAX_RECORD_SIZE':
      return 'a quoted value starts here and is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quoted value is followed by text before the next delimiter';
    default:
      return `is not valid CSV (${error.message})`;
  }
}

/** csv-parse reports an unclosed quote where parsing stopped; point at where it opened. */
function csvErrorLine(error: CsvError, text: string): number {
  const reported = Number(error.lines) || 1;
  if (error.code !== 'CSV_QUOTE_NOT_CLOSED' && error.code !== 'CSV_MAX_RECORD_SIZE') {
    return reported;
  }
  return unclosedQuoteLine(text) ?? reported;
}

function unclosedQuoteLine(text: string): number | undefined {
  let line = 1;
  let openedOn: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) openedOn = openedOn === undefined ? line : undefined;
  }
  return openedOn;
}
