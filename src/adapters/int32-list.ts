/**
 * A list of 32-bit integers that grows by doubling: a million numbers are 4 MB outside the
 * heap, where a JavaScript array of them is 8 MB inside it, and each of its larger copies is
 * garbage in the old generation until a full collection.
 */
export class Int32List {
  #items: Int32Array;
  #length = 0;

  constructor(capacity = 1024) {
    this.#items = new Int32Array(Math.max(1, capacity));
  }

  /** A list of `items`, which it takes over (not a copy). */
  static of(items: Int32Array): Int32List {
    const list = new Int32List(0);
    list.#items = items;
    list.#length = items.length;
    return list;
  }

  get length(): number {
    return this.#length;
  }

  push(value: number): void {
    if (this.#length === this.#items.length) this.#grow();
    this.#items[this.#length++] = value;
  }

  /** Adds every number of `values`, each plus `plus`. */
  pushAll(values: Int32Array, plus = 0): void {
    while (this.#length + values.length > this.#items.length) this.#grow();
    const items = this.#items;
    let at = this.#length;
    for (let i = 0; i < values.length; i++) items[at++] = (values[i] as number) + plus;
    this.#length = at;
  }

  at(i: number): number {
    return this.#items[i] as number;
  }

  /** Replaces the number at `i`, which must be below `length`. */
  set(i: number, value: number): void {
    this.#items[i] = value;
  }

  /** Keeps the first `length` numbers; the room stays, for numbers pushed later. */
  truncate(length: number): void {
    this.#length = Math.min(length, this.#length);
  }

  /** The items, as a view that a later `push` may leave behind: read it at once. */
  view(): Int32Array {
    return this.#items.subarray(0, this.#length);
  }

  #grow(): void {
    const items = new Int32Array(Math.max(16, this.#items.length * 2));
    items.set(this.#items);
    this.#items = items;
  }
}
