import { Int32List } from './int32-list.js';

/** The columns as plain data, to send to another thread (the typed arrays can be transferred). */
export interface ColumnsData {
  readonly orderids: string[];
  readonly batchrefs: string[];
  readonly skus: string[];
  readonly skuOf: Int32Array<ArrayBuffer>;
  readonly qtys: Int32Array<ArrayBuffer>;
}

/**
 * Order lines or allocation rows held as columns: a million rows are a few arrays, not a
 * million objects to build, promote and keep (about 50 bytes each). Each distinct sku is one
 * string with a number, so grouping the rows by sku needs no map.
 */
export class LineColumns {
  readonly #orderids: string[];
  readonly #batchrefs: string[];
  /** Distinct skus, in the order they first appear. */
  readonly #skus: string[];
  readonly #skuNumber = new Map<string, number>();
  readonly #skuOf: Int32List;
  /** Quantities are whole numbers from 1 to 10^9 (see row-schemas.ts): they fit 32 bits. */
  readonly #qtys: Int32List;

  /** Empty columns, or the columns another thread read (see `data()`). */
  constructor(data?: ColumnsData) {
    this.#orderids = data?.orderids ?? [];
    this.#batchrefs = data?.batchrefs ?? [];
    this.#skus = data?.skus ?? [];
    this.#skus.forEach((sku, number) => this.#skuNumber.set(sku, number));
    this.#skuOf = data ? Int32List.of(data.skuOf) : new Int32List();
    this.#qtys = data ? Int32List.of(data.qtys) : new Int32List();
  }

  /** The columns as data for another thread: the typed arrays are copies, to transfer. */
  data(): ColumnsData {
    return {
      orderids: this.#orderids,
      batchrefs: this.#batchrefs,
      skus: this.#skus,
      skuOf: this.#skuOf.view().slice(),
      qtys: this.#qtys.view().slice(),
    };
  }

  get length(): number {
    return this.#orderids.length;
  }

  /** Adds a row; `batchref` for allocation rows only. */
  push(orderid: string, sku: string, qty: number, batchref?: string): void {
    let number = this.#skuNumber.get(sku);
    if (number === undefined) {
      number = this.#skus.length;
      this.#skuNumber.set(sku, number);
      this.#skus.push(sku);
    }
    this.#orderids.push(orderid);
    this.#skuOf.push(number);
    this.#qtys.push(qty);
    if (batchref !== undefined) this.#batchrefs.push(batchref);
  }

  orderid(i: number): string {
    return this.#orderids[i] as string;
  }

  sku(i: number): string {
    return this.#skus[this.#skuOf.at(i)] as string;
  }

  qty(i: number): number {
    return this.#qtys.at(i);
  }

  batchref(i: number): string {
    return this.#batchrefs[i] as string;
  }

  /** Row `i` as an object, for tests and messages. */
  row(i: number): { orderid: string; sku: string; qty: number; batchref?: string } {
    const line = { orderid: this.orderid(i), sku: this.sku(i), qty: this.qty(i) };
    return i in this.#batchrefs ? { ...line, batchref: this.batchref(i) } : line;
  }

  /**
   * Row indexes grouped by sku, each sku's rows in file order, skus in the order they first
   * appear: a counting sort.
   */
  bySku(): Int32Array {
    const skuOf = this.#skuOf.view();
    const next = new Int32Array(this.#skus.length + 1);
    for (let i = 0; i < skuOf.length; i++) {
      const sku = skuOf[i] as number;
      next[sku + 1] = (next[sku + 1] as number) + 1;
    }
    for (let s = 1; s < next.length; s++) next[s] = (next[s] as number) + (next[s - 1] as number);
    const grouped = new Int32Array(skuOf.length);
    for (let i = 0; i < skuOf.length; i++) {
      const sku = skuOf[i] as number;
      const slot = next[sku] as number;
      grouped[slot] = i;
      next[sku] = slot + 1;
    }
    return grouped;
  }

  /** Whether rows `i` and `j` are of the same sku. */
  sameSku(i: number, j: number): boolean {
    return this.#skuOf.at(i) === this.#skuOf.at(j);
  }
}
