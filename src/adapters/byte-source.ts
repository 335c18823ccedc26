import { readSync } from 'node:fs';
import { cannotRead } from './os-errors.js';

/** Bytes that can be read a piece at a time, from any position: an open file, or a Buffer. */
export interface ByteSource {
  /** Reads up to `length` bytes from `position` into `into` at `offset`; 0 at the end. */
  read(into: Buffer, offset: number, length: number, position: number): number;
}

/** How many bytes a piece is read into, unless a line is longer. */
export const CHUNK_BYTES = 1 << 20;
/**
 * The longest line a piece holds: half the longest string V8 makes. No file this tool reads has
 * one; a file with no line end in 256 MB is not a CSV file of lines.
 */
export const MAX_LINE_BYTES = 1 << 28;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

/** Bytes already in memory. */
export function bytesSource(bytes: Buffer): ByteSource {
  return {
    read: (into, offset, length, position) =>
      bytes.copy(into, offset, position, Math.min(bytes.length, position + length)),
  };
}

/** A file opened by the caller, who closes it; a failed read names the file. */
export function fileSource(fd: number, path: string): ByteSource {
  return {
    read(into, offset, length, position) {
      try {
        return readSync(fd, into, offset, length, position);
      } catch (error) {
        throw cannotRead(path, error);
      }
    },
  };
}

/** The bytes of `source` before `end`, as a source of their own. */
export function sourceBefore(source: ByteSource, end: number): ByteSource {
  return {
    read: (into, offset, length, position) =>
      position >= end ? 0 : source.read(into, offset, Math.min(length, end - position), position),
  };
}

/**
 * The source in pieces of whole lines, read one after the other: each but the last ends with a
 * `\n` byte, which in UTF-8 and in every single-byte encoding ends a line and nothing else. A
 * line longer than the buffer makes it grow.
 */
export class Pieces {
  readonly #source: ByteSource;
  #buffer: Buffer;
  #filled = 0;
  #given = 0;
  #position = 0;
  #ended = false;

  /** Pieces of `source` from byte `from`, which must start a line. */
  constructor(source: ByteSource, size = CHUNK_BYTES, from = 0) {
    this.#source = source;
    this.#buffer = Buffer.allocUnsafe(size);
    this.#position = from;
  }

  /** The next piece, or undefined at the end: a view of a buffer that the next call reuses. */
  next(): Buffer | undefined {
    this.#buffer.copyWithin(0, this.#given, this.#filled);
    this.#filled -= this.#given;
    this.#given = 0;
    while (!this.#ended) {
      if (this.#filled === this.#buffer.length) this.#grow();
      const room = this.#buffer.length - this.#filled;
      const read = this.#source.read(this.#buffer, this.#filled, room, this.#position);
      this.#position += read;
      this.#filled += read;
      if (read === 0) this.#ended = true;
      else this.#given = this.#buffer.lastIndexOf(NEWLINE, this.#filled - 1) + 1;
      if (this.#given > 0) return this.#buffer.subarray(0, this.#given);
    }
    this.#given = this.#filled;
    return this.#filled > 0 ? this.#buffer.subarray(0, this.#filled) : undefined;
  }

  #grow(): void {
    if (this.#buffer.length >= MAX_LINE_BYTES) throw new LineTooLong(this.#position - this.#filled);
    const larger = Buffer.allocUnsafe(Math.min(this.#buffer.length * 2, MAX_LINE_BYTES));
    this.#buffer.copy(larger, 0, 0, this.#filled);
    this.#buffer = larger;
  }
}

/** A line of more than `MAX_LINE_BYTES`, which starts at byte `start`. */
export class LineTooLong extends Error {
  constructor(readonly start: number) {
    super(`the line from byte ${start} is longer than ${MAX_LINE_BYTES} bytes`);
  }
}

/**
 * How many lines end before `end`, which must follow a `\n`: as `decodeUtf8Piece` reads them, at
 * each `\n` and at each `\r` that no `\n` follows.
 */
export function lineEndsBefore(source: ByteSource, end: number): number {
  const pieces = new Pieces(sourceBefore(source, end));
  let count = 0;
  for (let piece = pieces.next(); piece !== undefined; piece = pieces.next()) {
    for (let at = piece.indexOf(NEWLINE); at !== -1; at = piece.indexOf(NEWLINE, at + 1)) count++;
    for (let at = piece.indexOf(RETURN); at !== -1; at = piece.indexOf(RETURN, at + 1)) {
      if (piece[at + 1] !== NEWLINE) count++;
    }
  }
  return count;
}

/**
 * Where the line after the one holding byte `at` starts: the byte after the next `\n` at or
 * after `at`; undefined if none is in the next `within` bytes.
 */
export function lineStartAfter(
  source: ByteSource,
  at: number,
  within = 1 << 16,
): number | undefined {
  const bytes = Buffer.allocUnsafe(within);
  const read = source.read(bytes, 0, within, at);
  const newline = bytes.subarray(0, read).indexOf(NEWLINE);
  return newline === -1 ? undefined : at + newline + 1;
}

/** Every byte of the source, in one Buffer. */
export function wholeBytes(source: ByteSource): Buffer {
  const pieces = new Pieces(source);
  const copies: Buffer[] = [];
  for (let piece = pieces.next(); piece !== undefined; piece = pieces.next()) {
    copies.push(Buffer.from(piece));
  }
  return Buffer.concat(copies);
}
