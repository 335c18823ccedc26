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
  /** The row of the file each row was read from, if they are not in file order. */
  readonly fileRows?: Int32Array<ArrayBuffer> | undefined;
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
  /** Each row's row in its file; none if they are in file order (see `groupedData`). */
  #fileRows: Int32List | undefined;

  /** Empty columns, or the columns another thread read (see `groupedData()`). */
  constructor(data?: ColumnsData) {
    this.#orderids = new StringColumn('runs', data?.orderids);
    this.#skus = new StringColumn('all', data?.skus);
    if (data?.batchrefs) this.#batchrefs = new ByteColumn(data.batchrefs);
    this.#qtys = data ? Int32List.of(data.qtys) : new Int32List();
    if (data?.fileRows) this.#fileRows = Int32List.of(data.fileRows);
  }

  /**
   * The columns as data for another thread, the rows grouped by sku (see `bySku`), each with its
   * row in the file; the typed arrays are copies, to transfer. A run walks the rows sku by sku:
   * in that order, it reads the columns the other thread receives in memory order, and their
   * strings in the order they were made (see `StringColumn.dataInOrder`). On the benchmark's
   * million order lines, allocating took 0.4 to 0.5 s less than with the rows in file order.
   */
  groupedData(): ColumnsData & { fileRows: Int32Array<ArrayBuffer> } {
    const order = this.bySku();
    const qtys = new Int32Array(order.length);
    const fileRows = new Int32Array(order.length);
    for (let k = 0; k < order.length; k++) {
      const row = order[k] as number;
      qtys[k] = this.#qtys.at(row);
      fileRows[k] = this.fileRow(row);
    }
    return {
      orderids: this.#orderids.dataInOrder(order),
      skus: this.#skus.dataInOrder(order),
      batchrefs: this.#batchrefs?.dataInOrder(order),
      qtys,
      fileRows,
    };
  }

  /** The typed arrays of `groupedData()`, to transfer rather than copy. */
  static transferable(data: ColumnsData): ArrayBuffer[] {
    const refs = data.batchrefs ? [data.batchrefs.bytes.buffer, data.batchrefs.ends.buffer] : [];
    const rows = data.fileRows ? [data.fileRows.buffer] : [];
    return [data.orderids.of.buffer, data.skus.of.buffer, ...refs, data.qtys.buffer, ...rows];
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
    if (this.#fileRows !== undefined || other.#fileRows !== undefined) {
      const count = this.length;
      this.#fileRows ??= Int32List.of(Int32Array.from({ length: count }, (_, row) => row));
      for (let row = 0; row < other.length; row++) this.#fileRows.push(count + other.fileRow(row));
    }
    this.#orderids.append(other.#orderids);
    this.#skus.append(other.#skus);
    this.#qtys.pushAll(other.#qtys.view());
    if (other.#batchrefs) (this.#batchrefs ??= new ByteColumn()).append(other.#batchrefs);
  }

  /** The row of its file that row `i` was read from (counted from 0, the header left out). */
  fileRow(i: number): number {
    return this.#fileRows === undefined ? i : this.#fileRows.at(i);
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
