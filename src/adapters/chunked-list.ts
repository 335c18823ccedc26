/** How many items a chunk holds: 2^16, a 512 KB array. */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;

/** What a `ChunkedList` shows to those that only read it. */
export interface ListView<T> extends Iterable<T> {
  readonly length: number;
  at(index: number): T;
}

/**
 * A list that grows a chunk at a time and never copies what it holds. An array grown by `push`
 * is copied into one half again as large each time it is full, and each old copy of a large one
 * stays as garbage in the old generation until a full collection: at the end of a 1M-line run,
 * a log of a million allocations left 12 to 16 MB more at the peak.
 */
export class ChunkedList<T> implements ListView<T> {
  readonly #chunks: T[][] = [];
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(item: T): void {
    const offset = this.#length & IN_CHUNK;
    if (offset === 0) this.#chunks.push(new Array<T>(CHUNK));
    (this.#chunks[this.#chunks.length - 1] as T[])[offset] = item;
    this.#length += 1;
  }

  /** The item at `index`, which must be below `length`. */
  at(index: number): T {
    return (this.#chunks[index >>> CHUNK_BITS] as T[])[index & IN_CHUNK] as T;
  }

  /** Replaces the item at `index`, which must be below `length`. */
  set(index: number, item: T): void {
    (this.#chunks[index >>> CHUNK_BITS] as T[])[index & IN_CHUNK] = item;
  }

  /** Keeps the first `length` items and lets go of the rest, and of the chunks they were in. */
  truncate(length: number): void {
    if (length >= this.#length) return;
    this.#chunks.length = (length + IN_CHUNK) >>> CHUNK_BITS;
    const offset = length & IN_CHUNK;
    if (offset > 0) (this.#chunks[this.#chunks.length - 1] as T[]).fill(undefined as T, offset);
    this.#length = length;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.#length; i++) yield this.at(i);
  }
}
