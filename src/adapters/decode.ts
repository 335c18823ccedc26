import { isUtf8 } from 'node:buffer';
import { later } from './load-later.js';

/**
 * iconv-lite, loaded the first time a file needs it: most files are UTF-8, and its code tables
 * are most of what the CLI would otherwise compile at start-up.
 */
const iconv = later('iconv-lite') as () => typeof import('iconv-lite');

/** What a person should hear when the bytes are not a text file at all, and on which line. */
export class NotText extends Error {
  constructor(
    message: string,
    readonly line = 1,
  ) {
    super(message);
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/**
 * Decodes a spreadsheet export: UTF-8 with or without a byte-order mark, UTF-16 with one
 * (Excel's "Unicode text"), and otherwise Windows-1252, which is what Excel writes on Western
 * Windows, or Mac Roman, what it writes on a Mac, told by its CR line ends; bytes that are not
 * valid UTF-8 are never shown as mojibake. Line ends become `\n`.
 */
export function decodeSpreadsheet(bytes: Buffer): string {
  return normaliseLineEnds(decode(bytes));
}

function decode(bytes: Buffer): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return utf8(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return utf16(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return utf16(bytes.subarray(2), 'utf-16be');
  if (startsWith(bytes, ZIP)) {
    throw new NotText('is a zip file (an Excel .xlsx workbook?), not CSV: save it as CSV first');
  }
  if (startsWith(bytes, OLE2)) {
    throw new NotText('is an Excel .xls workbook, not CSV: save it as CSV first');
  }
  if (bytes.indexOf(0) !== -1) throw new NotText('holds binary data, not CSV text');
  if (isUtf8(bytes)) return bytes.toString('utf8');
  return crLineEnds(bytes) ? new TextDecoder('macintosh').decode(bytes) : windows1252(bytes);
}

/**
 * Whether lines end in CR alone, as in Excel for Mac's "Comma Separated Values", whose text is
 * Mac Roman: Windows programs end lines in CRLF. Mac Roman gives every byte a character.
 */
function crLineEnds(bytes: Buffer): boolean {
  return bytes.includes(0x0d) && !bytes.includes(0x0a);
}

/** UTF-16 text; half a character (a lone surrogate, an odd byte at the end) is refused. */
function utf16(bytes: Buffer, encoding: 'utf-16le' | 'utf-16be'): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder(encoding).decode(bytes);
    const message = 'is not valid UTF-16 (half a character): save the file as CSV UTF-8';
    throw new NotText(message, lineAt(text, text.indexOf('\ufffd')));
  }
}

/**
 * Windows-1252 text. Five bytes (0x81, 0x8d, 0x8f, 0x90, 0x9d) are no character there, and
 * iconv-lite would give each as U+FFFD: an id would lose a byte without a word, so they are
 * refused. Any other byte is one character, so the text's index is the byte's.
 */
function windows1252(bytes: Buffer): string {
  const text = iconv().decode(bytes, 'windows-1252');
  const bad = text.indexOf('\ufffd');
  if (bad === -1) return text;
  const byte = `0x${(bytes[bad] as number).toString(16)}`;
  const message = `byte ${byte} is a character neither in UTF-8 nor in Windows-1252`;
  throw new NotText(`${message}: save the file as CSV UTF-8`, lineAt(text, bad));
}

/** The line, as an editor counts them, of `text`'s character at `index`. */
function lineAt(text: string, index: number): number {
  return normaliseLineEnds(text.slice(0, Math.max(index, 0))).split('\n').length;
}

/**
 * Where the text of a file that starts with `bytes` begins, if it can be decoded a piece at a
 * time as UTF-8: after a UTF-8 byte-order mark, or at 0. Undefined for what only a reading of the
 * whole file can tell (UTF-16, a workbook).
 */
export function utf8Start(bytes: Buffer): number | undefined {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 3;
  const signatures = [[0xff, 0xfe], [0xfe, 0xff], ZIP, OLE2];
  return signatures.some((signature) => startsWith(bytes, signature)) ? undefined : 0;
}

/**
 * A piece of whole lines (see byte-source.ts) as text with `\n` line ends, if it is valid UTF-8
 * with no NUL byte; otherwise undefined, and the file is decoded whole, as `decodeSpreadsheet`
 * does. A file is valid UTF-8 exactly when each of its pieces is: a `\n` byte never falls inside
 * a character.
 */
export function decodeUtf8Piece(bytes: Buffer): string | undefined {
  if (bytes.indexOf(0) !== -1 || !isUtf8(bytes)) return undefined;
  return normaliseLineEnds(bytes.toString('utf8'));
}

function utf8(bytes: Buffer): string {
  if (!isUtf8(bytes)) throw new NotText('starts with a UTF-8 byte-order mark but is not UTF-8');
  return bytes.toString('utf8');
}

function normaliseLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
