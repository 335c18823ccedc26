import type { CsvError } from 'csv-parse/sync';
import { later } from './load-later.js';
import { type CsvTable, headerNames, isBlank, isSepLine, TableProblem } from './table.js';

/**
 * csv-parse, loaded the first time a file has a quote character: files without one, what
 * programs write, are read without it (see csv-streamed-table.ts), and it is an eighth of what
 * the CLI would otherwise compile at start-up.
 */
const csvParse = later('csv-parse/sync') as () => typeof import('csv-parse/sync');

/** A record this long is a quote left open, not data: stop before it eats the file. */
const MAX_RECORD_CHARS = 1 << 20;

/**
 * A table from a file with quotes in it, read by csv-parse: RFC 4180 quoting, delimiters and
 * newlines inside quoted values. Line numbers need a second, slower parse, run only when asked.
 */
export function quotedTable(file: string, text: string, delimiter: string): CsvTable {
  const records = parseRecords(file, text, { delimiter });
  const header = records.findIndex(
    (record) => !isBlank(record) && !isSepLine(record.join(delimiter)),
  );
  return {
    file,
    header: headerNames(records[header] ?? []),
    forEachRow(visit) {
      for (let r = header + 1; r < records.length; r++) visit(records[r] ?? [], r);
    },
    lineOf: quotedLines(file, text, delimiter, header),
  };
}

/**
 * Line numbers of the records, found when first asked. Made apart from the table, so as not to
 * share the scope of `forEachRow`, which holds every record read.
 */
function quotedLines(file: string, text: string, delimiter: string, header: number) {
  let starts: number[] | undefined;
  return (ref: number): number => {
    starts ??= recordStartLines(file, text, delimiter);
    return starts[ref < 0 ? header : ref] ?? 0;
  };
}

function parseRecords(file: string, text: string, options: { delimiter: string; info?: boolean }) {
  const { parse, CsvError: ParseError } = csvParse();
  try {
    return parse(text, {
      ...options,
      record_delimiter: '\n',
      relax_quotes: true,
      relax_column_count: true,
      max_record_size: MAX_RECORD_CHARS,
    });
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
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
