import { type ByteSource, Pieces } from './byte-source.js';
import { quotedTable } from './csv-quoted-table.js';
import { decodeUtf8Piece, utf8Start } from './decode.js';
import { type CsvTable, headerColumns, isBlank, type RowVisitor, TableProblem } from './table.js';

export { type CsvTable, isBlank, type RowVisitor, TableProblem } from './table.js';

const DELIMITERS = [',', ';', '\t'] as const;
const QUOTE = 0x22;

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
    visitLines(text, header.end + 1, header.line + 1, delimiter, visit);
  };
  const columns = headerColumns(header.text.split(delimiter));
  return { file, columns, forEachRow, lineOf: plainLines(header.line) };
}

/**
 * A table read a piece at a time from a file of plain UTF-8 text, with no quote character: what
 * programs write, and most spreadsheet exports. Undefined if its first piece is not such text or
 * holds no header; its rows then throw `NotPlain` at the first piece that is not. Either way, the
 * file is to be decoded whole and read by `readTable`, which gives the same rows and lines for
 * the files read here. Its rows can be visited once.
 */
export function streamedTable(
  file: string,
  source: ByteSource,
  expected: readonly string[],
): CsvTable | undefined {
  const pieces = new Pieces(source);
  const found = headerPiece(pieces);
  if (found === undefined) return undefined;
  let first: string | undefined = found.text;
  const { header } = found;
  const delimiter = sniffDelimiter(header.text, expected);
  const forEachRow = (visit: RowVisitor) => {
    let line = visitLines(first ?? '', header.end + 1, header.line + 1, delimiter, visit);
    first = undefined;
    for (let piece = pieces.next(); piece !== undefined; piece = pieces.next()) {
      const text = plainPiece(piece);
      if (text === undefined) throw new NotPlain();
      line = visitLines(text, 0, line, delimiter, visit);
    }
  };
  const columns = headerColumns(header.text.split(delimiter));
  return { file, columns, forEachRow, lineOf: plainLines(header.line) };
}

/** The first piece with a non-blank line, and that line, counted from the file's start. */
function headerPiece(pieces: Pieces): { text: string; header: HeaderLine } | undefined {
  const bytes = pieces.next();
  const start = bytes && utf8Start(bytes);
  let text = start === undefined ? undefined : plainPiece(bytes?.subarray(start));
  for (let before = 0; text !== undefined; text = plainPiece(pieces.next())) {
    const header = headerLine(text);
    if (header !== undefined) return { text, header: { ...header, line: header.line + before } };
    before += text.split('\n').length - 1;
  }
  return undefined;
}

/** A streamed table's file turned out not to be plain text: read it whole. */
export class NotPlain extends Error {}

function plainPiece(bytes: Buffer | undefined): string | undefined {
  return bytes === undefined || bytes.includes(QUOTE) ? undefined : decodeUtf8Piece(bytes);
}

/** Visits each line of `text` from `start` as a row, `line` being the first's number; the next. */
function visitLines(
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
function plainLines(headerLine: number): (ref: number) => number {
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
  cells.length = n;
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
