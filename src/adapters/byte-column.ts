import { Int32List } from './int32-list.js';

/** A column as plain data, to send to another thread (both arrays can be transferred). */
export interface ByteColumnData {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly ends: Int32Array<ArrayBuffer>;
}

/**
 * A column of strings held as their UTF-8 bytes, side by side, each row read back as a new
 * string or copied as bytes: for a column of many distinct values that a run reads once per row,
 * in another order than the file's (allocations.csv's batch refs, read sku by sku as allocations
 * are put back), and for text written many times over (each batch's fields in allocations.csv,
 * see batch-fields.ts).
 *
 * A column of shared strings (see string-column.ts) finds each row's string in a map of every
 * value: for a hundred thousand batch refs in random order, each lookup missed the cache, about
 * 600 ns a row. Copying a row's bytes takes a few nanoseconds; reading it back, about 150 ns,
 * and the product's own map of its batches is small enough to stay in the cache.
 *
 * A row that holds the same bytes as the row read back before it is read back as the same
 * string: allocations of one sku are mostly in runs of one batch (three in four on the
 * benchmark's re-run), and a new string costs its decoding and, in a map, its hash.
 */
export class ByteColumn {
  #bytes: Buffer;
  #used = 0;
  readonly #ends: Int32List;
  /** The row `at` read back last: where its bytes start and end, and its string. */
  #lastStart = 0;
  #lastEnd = 0;
  #lastValue: string | undefined;

  /** An empty column, or one another thread made (see `dataInOrder`): it takes over the arrays. */
  constructor(data?: ByteColumnData) {
    this.#bytes = data
      ? Buffer.from(data.bytes.buffer, data.bytes.byteOffset, data.bytes.length)
      : Buffer.allocUnsafe(1 << 16);
    this.#used = data ? data.bytes.length : 0;
    this.#ends = data ? Int32List.of(data.ends) : new Int32List();
  }

  /**
   * The rows at `order`, which lists each row's index once, as data for another thread: copies,
   * to transfer.
   */
  dataInOrder(order: Int32Array): ByteColumnData {
    const bytes = new Uint8Array(this.#used);
    const ends = new Int32Array(order.length);
    let at = 0;
    for (let k = 0; k < order.length; k++) {
      at = this.copyTo(order[k] as number, bytes, at);
      ends[k] = at;
    }
    return { bytes, ends };
  }

  get length(): number {
    return this.#ends.length;
  }

  push(value: string): void {
    // The most UTF-8 takes: 3 bytes for a UTF-16 unit.
    if (this.#used + 3 * value.length > this.#bytes.length) this.#grow(3 * value.length);
    const bytes = this.#bytes;
    let at = this.#used;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      if (code >= 0x80) {
        at = this.#used + bytes.write(value, this.#used, 'utf8');
        break;
      }
      bytes[at++] = code;
    }
    this.#used = at;
    this.#ends.push(at);
  }

  /** Adds the rows of `other` after these. */
  append(other: ByteColumn): void {
    const bytes = other.#bytes.subarray(0, other.#used);
    if (this.#used + bytes.length > this.#bytes.length) this.#grow(bytes.length);
    bytes.copy(this.#bytes, this.#used);
    this.#ends.pushAll(other.#ends.view(), this.#used);
    this.#used += bytes.length;
  }

  at(row: number): string {
    const start = this.#start(row);
    const end = this.#ends.at(row);
    if (this.#lastValue !== undefined && this.#sameAsLast(start, end)) return this.#lastValue;
    const value = this.#bytes.toString('utf8', start, end);
    this.#lastStart = start;
    this.#lastEnd = end;
    this.#lastValue = value;
    return value;
  }

  /** How many bytes row `row` takes. */
  byteLength(row: number): number {
    return this.#ends.at(row) - this.#start(row);
  }

  /** Copies row `row`'s bytes to `target` at `at`; returns where they end there. */
  copyTo(row: number, target: Uint8Array, at: number): number {
    const bytes = this.#bytes;
    const end = this.#ends.at(row);
    let to = at;
    for (let from = this.#start(row); from < end; from++) target[to++] = bytes[from] as number;
    return to;
  }

  /** Whether the bytes at `[start, end)` are those of the row read back last. */
  #sameAsLast(start: number, end: number): boolean {
    const last = this.#lastStart;
    if (end - start !== this.#lastEnd - last) return false;
    const bytes = this.#bytes;
    for (let i = 0; i < end - start; i++) if (bytes[start + i] !== bytes[last + i]) return false;
    return true;
  }

  #start(row: number): number {
    return row === 0 ? 0 : this.#ends.at(row - 1);
  }

  #grow(room: number): void {
    const grown = Buffer.allocUnsafe(Math.max(2 * this.#bytes.length, this.#used + room));
    this.#bytes.copy(grown, 0, 0, this.#used);
    this.#bytes = grown;
  }
}
