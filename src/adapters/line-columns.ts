import { ByteColumn, type ByteColumnData } from './byte-column.js';
import { groupedIndexes } from './grouping.js';
import { Int32List } from './int32-list.js';
import { StringColumn, type StringColumnData } from './string-column.js';

/** The columns as plain data, to send to another thread (the typed arrays can be transferred). */
export interface ColumnsData {
  readonly orderids: StringColumnData;
  readonly skus: StringColumnData;
  readonly batchrefs: ByteColumnData | undefined;
  readonly qtys: Int32Array<ArrayBuffer>;
}

/**
 * Order lines or allocation rows held as columns: a million rows are a few arrays, not a
 * million objects to build, promote and keep (about 50 bytes each). Each distinct sku is one
 * string with a number, so grouping the rows by sku needs no map; so is each orderid of lines
 * that follow one another (see string-column.ts). Batch refs are held as bytes, each read back
 * once (see byte-column.ts).
 */
export class LineColumns {
  readonly #orderids: StringColumn;
  readonly #skus: StringColumn;
  /** For allocation rows only. */
  #batchrefs: ByteColumn | undefined;
  /** Quantities are whole numbers from 1 to 10^9 (see column-rules.ts): they fit 32 bits. */
  readonly #qtys: Int32List;

  /** Empty columns, or the columns another thread read (see `data()`). */
  constructor(data?: ColumnsData) {
    this.#orderids = new StringColumn('runs', data?.orderids);
    this.#skus = new StringColumn('all', data?.skus);
    if (data?.batchrefs) this.#batchrefs = new ByteColumn(data.batchrefs);
    this.#qtys = data ? Int32List.of(data.qtys) : new Int32List();
  }

  /** The columns as data for another thread: the typed arrays are copies, to transfer. */
  data(): ColumnsData {
    return {
      orderids: this.#orderids.data(),
      skus: this.#skus.data(),
      batchrefs: this.#batchrefs?.data(),
      qtys: this.#qtys.view().slice(),
    };
  }

  /** The typed arrays of `data`, to transfer rather than copy. */
  static transferable(data: ColumnsData): ArrayBuffer[] {
    const refs = data.batchrefs ? [data.batchrefs.bytes.buffer, data.batchrefs.ends.buffer] : [];
    return [data.orderids.of.buffer, data.skus.of.buffer, ...refs, data.qtys.buffer];
  }

  get length(): number {
    return this.#qtys.length;
  }

  /** Adds a row; `batchref` for allocation rows only. */
  push(orderid: string, sku: string, qty: number, batchref?: string): void {
    this.#orderids.push(orderid);
    this.#skus.push(sku);
    this.#qtys.push(qty);
    if (batchref !== undefined) (this.#batchrefs ??= new ByteColumn()).push(batchref);
  }

  /**
   * Adds the rows of `other` after these: the rest of a file another thread read (see
   * background-lines.ts). Its orderids are shared, not copied.
   */
  append(other: LineColumns): void {
    this.#orderids.append(other.#orderids);
    this.#skus.append(other.#skus);
    this.#qtys.pushAll(other.#qtys.view());
    if (other.#batchrefs) (this.#batchrefs ??= new ByteColumn()).append(other.#batchrefs);
  }

  orderid(i: number): string {
    return this.#orderids.at(i);
  }

  sku(i: number): string {
    return this.#skus.at(i);
  }

  qty(i: number): number {
    return this.#qtys.at(i);
  }

  batchref(i: number): string {
    return this.#batchrefs?.at(i) ?? '';
  }

  /** Row `i` as an object, for tests and messages. */
  row(i: number): { orderid: string; sku: string; qty: number; batchref?: string } {
    const line = { orderid: this.orderid(i), sku: this.sku(i), qty: this.qty(i) };
    return this.#batchrefs ? { ...line, batchref: this.batchref(i) } : line;
  }

  /**
   * Row indexes grouped by sku, each sku's rows in file order, skus in the order they first
   * appear: a counting sort.
   */
  bySku(): Int32Array {
    return groupedIndexes(this.#skus.numbers(), this.#skus.distinct);
  }

  /**
   * Reads a little of each of row `i`'s columns and returns a number made of it, so that a
   * short loop over rows brings them into the cache (see folder-lines.ts's `prefetch`).
   */
  touch(i: number): number {
    const orderid = this.orderid(i);
    const refBytes = this.#batchrefs?.byteLength(i) ?? 0;
    return this.qty(i) + orderid.charCodeAt(orderid.length - 1) + this.#skus.numberAt(i) + refBytes;
  }

  /** Whether rows `i` and `j` are of the same sku. */
  sameSku(i: number, j: number): boolean {
    return this.#skus.numberAt(i) === this.#skus.numberAt(j);
  }
}
