import { CsvError, parse } from 'csv-parse/sync';
import type { InputProblem } from '../errors.js';

const DELIMITERS = [',', ';', '\t'] as const;
/** A record this long is a quote left open, not data: stop before it eats the file. */
const MAX_RECORD_CHARS = 1 << 20;

/** A table read from one CSV file: the header's columns and the data rows, blank ones skipped. */
export interface CsvTable {
  readonly file: string;
  /** Column index by header name, trimmed and lower-cased. */
  readonly columns: ReadonlyMap<string, number>;
  readonly rows: readonly (readonly string[])[];
  /** The physical line (1-based, as an editor shows it) where data row `i` starts. */
  lineOf(i: number): number;
}

/** A file whose structure cannot be read as a table at all. */
export class TableProblem extends Error {
  constructor(readonly problem: InputProblem) {
    super(`${problem.file}:${problem.line}: ${problem.message}`);
  }
}

/** Reads `text` (line ends already `\n`) as CSV with a delimiter sniffed from its header. */
export function readTable(file: string, text: string, expected: readonly string[]): CsvTable {
  const delimiter = sniffDelimiter(firstLine(text), expected);
  const records = parseRecords(file, text, { delimiter });
  const header = records.findIndex((record) => !isBlank(record));
  if (header === -1) {
    const names = expected.join(',');
    throw new TableProblem({ file, line: 1, message: `is empty (expected a header: ${names})` });
  }
  const rows: string[][] = [];
  const recordOf: number[] = [];
  for (let r = header + 1; r < records.length; r++) {
    const record = records[r] as string[];
    if (isBlank(record)) continue;
    rows.push(record);
    recordOf.push(r);
  }
  let starts: number[] | undefined;
  const lineOf = (i: number) => {
    starts ??= recordStartLines(file, text, delimiter);
    return starts[i < 0 ? header : (recordOf[i] ?? 0)] ?? 0;
  };
  return { file, columns: headerColumns(records[header] as string[]), rows, lineOf };
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
    throw new TableProblem({
      file,
      line: csvErrorLine(error, text),
      message: csvErrorMessage(error),
    });
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
    const key = name.trim().toLowerCase();
    if (key !== '' && !columns.has(key)) columns.set(key, i);
  });
  return columns;
}

function isBlank(record: readonly string[]): boolean {
  return record.every((value) => value.trim() === '');
}

function firstLine(text: string): string {
  const lines = text.split('\n', 50);
  return lines.find((line) => line.trim() !== '') ?? '';
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
