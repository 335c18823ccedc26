import {
  type ByteSource,
  CHUNK_BYTES,
  lineEndsBefore,
  Pieces,
  sourceBefore,
} from './byte-source.js';
import {
  type HeaderLine,
  headerLine,
  plainLines,
  sniffDelimiter,
  visitLines,
} from './csv-table.js';
import { decodeUtf8Piece, utf8Start } from './decode.js';
import { type CsvTable, headerNames, type RowVisitor } from './table.js';

const QUOTE = 0x22;

/**
 * A table read a piece at a time from a file of plain UTF-8 text, with no quote character: what
 * programs write, and most spreadsheet exports. Undefined if its first piece is not such text or
 * holds no header; its rows then throw `NotPlain` at the first piece that is not. Either way, the
 * file is to be decoded whole and read by `readTable`, which gives the same rows and lines for
 * the files read here. Its rows can be visited once.
 *
 * With `from`, the start of a line after the header's, its rows are those from there on, with
 * their lines' numbers: the rest of a file whose start another thread reads (see
 * background-lines.ts). Undefined if no header comes before `from`.
 */
export function streamedTable(
  file: string,
  source: ByteSource,
  expected: readonly string[],
  from = 0,
): CsvTable | undefined {
  // The header is looked for before `from` only: the lines from there on are the rows.
  const pieces = new Pieces(from > 0 ? sourceBefore(source, from) : source);
  const found = headerPiece(pieces);
  if (found === undefined) return undefined;
  let first: string | undefined = found.text;
  const { header } = found;
  const delimiter = sniffDelimiter(header.text, expected);
  const forEachRow = (visit: RowVisitor) => {
    let rest = pieces;
    let line: number;
    if (from === 0) {
      line = visitLines(first ?? '', header.end + 1, header.line + 1, delimiter, visit);
    } else {
      line = lineEndsBefore(source, from) + 1;
      rest = new Pieces(source, CHUNK_BYTES, from);
    }
    first = undefined;
    for (let piece = rest.next(); piece !== undefined; piece = rest.next()) {
      const text = plainPiece(piece);
      if (text === undefined) throw new NotPlain();
      line = visitLines(text, 0, line, delimiter, visit);
    }
  };
  const names = headerNames(header.text.split(delimiter));
  return { file, header: names, forEachRow, lineOf: plainLines(header.line) };
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
