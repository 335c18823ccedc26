import { Int32List } from './int32-list.js';
import { ownCopy } from './own-string.js';

/** A column as plain data, to send to another thread (`of` can be transferred). */
export interface StringColumnData {
  readonly values: string[];
  readonly of: Int32Array<ArrayBuffer>;
}

/**
 * A column of strings that repeat: each string is held once, as a copy of its own, and each row
 * holds its number. `shared` says which rows share a string:
 * - `'all'`: every row of the same value, found by a map (skus);
 * - `'runs'`: rows of the same value in a row, found by comparing with the last (an order's
 *   lines, one after another), for a column of too many values to map them all (orderids).
 *
 * Rows read from a file's text are slices of it, which would keep the whole text alive as long
 * as one of them lives; the copies let it go. On the benchmark's million order lines (three
 * lines an order) peak memory fell from 457 to 404 MB, and on its re-run from 517 to 439 MB, in
 * no more time.
 */
export class StringColumn {
  readonly #values: string[];
  readonly #numbers: Map<string, number> | undefined;
  readonly #of: Int32List;

  constructor(shared: 'all' | 'runs', data?: StringColumnData) {
    this.#values = data?.values ?? [];
    this.#of = data ? Int32List.of(data.of) : new Int32List();
    if (shared === 'all') {
      this.#numbers = new Map();
      this.#values.forEach((value, number) => this.#numbers?.set(value, number));
    }
  }

  /**
   * The rows at `order` (row indexes), as data for another thread: `of` can be transferred. A
   * column of runs gives its strings in the order those rows first use them: the thread that
   * receives them makes them in that order, side by side in memory, and reads them so.
   */
  dataInOrder(order: Int32Array): StringColumnData {
    const of = new Int32Array(order.length);
    if (this.#numbers !== undefined) {
      for (let k = 0; k < order.length; k++) of[k] = this.#of.at(order[k] as number);
      return { values: this.#values, of };
    }
    const values: string[] = [];
    const renumbered = new Int32Array(this.#values.length).fill(-1);
    for (let k = 0; k < order.length; k++) {
      const old = this.#of.at(order[k] as number);
      let number = renumbered[old] as number;
      if (number === -1) number = renumbered[old] = values.push(this.#values[old] as string) - 1;
      of[k] = number;
    }
    return { values, of };
  }

  get length(): number {
    return this.#of.length;
  }

  /** How many distinct strings it holds (in runs, a value may count once per run). */
  get distinct(): number {
    return this.#values.length;
  }

  push(value: string): void {
    const values = this.#values;
    const number = this.#numbers
      ? this.#numbers.get(value)
      : values[values.length - 1] === value
        ? values.length - 1
        : undefined;
    this.#of.push(number ?? this.#add(value));
  }

  /** Adds the rows of `other`, a column of the same kind, after these. */
  append(other: StringColumn): void {
    const values = this.#values;
    const numbers = this.#numbers;
    const of = other.#of.view();
    if (numbers === undefined) {
      const first = values.length;
      for (const value of other.#values) values.push(value);
      this.#of.pushAll(of, first);
      return;
    }
    // Each of other's strings becomes this column's equal one, or a new one if it has none.
    const renumbered = other.#values.map((value) => numbers.get(value) ?? this.#add(value));
    for (let i = 0; i < of.length; i++) this.#of.push(renumbered[of[i] as number] as number);
  }

  /** Holds a new string, a copy of `value`, and returns its number. */
  #add(value: string): number {
    const number = this.#values.length;
    const own = ownCopy(value);
    this.#values.push(own);
    this.#numbers?.set(own, number);
    return number;
  }

  at(row: number): string {
    return this.#values[this.#of.at(row)] as string;
  }

  /** The number of row's string: rows of equal numbers hold equal strings. */
  numberAt(row: number): number {
    return this.#of.at(row);
  }

  /** The numbers of every row, as a view that a later `push` may leave behind: read it at once. */
  numbers(): Int32Array {
    return this.#of.view();
  }
}
