import type { Batch } from '../domain/batch.js';
import { csvField } from './csv-writer.js';
import { Int32List } from './int32-list.js';

/** The room the fields start with: they grow by doubling. */
const ROOM = 1 << 16;

/**
 * Each batch's fields as they surround a line's qty, `,sku,` before it and `,ref\n` after, in
 * UTF-8, side by side in one buffer. Batch i's sku part is part 2i and its ref part 2i + 1; part
 * p takes the bytes from `starts[p]` to `starts[p + 1]`. For allocations.csv's lines (see
 * allocation-lines.ts).
 */
export class BatchFields {
  readonly #index = new Map<Batch, number>();
  #bytes = Buffer.allocUnsafe(ROOM);
  readonly #starts = Int32List.of(new Int32Array(1));
  #last: Batch | undefined;
  #lastIndex = -1;

  /** The batch's index; consecutive slots are mostly of one batch, so the last is kept at hand. */
  indexOf(batch: Batch): number {
    if (batch === this.#last) return this.#lastIndex;
    let index = this.#index.get(batch);
    if (index === undefined) {
      index = this.#index.size;
      this.#index.set(batch, index);
      this.#append(`,${csvField(batch.sku)},`);
      this.#append(`,${csvField(batch.reference)}\n`);
    }
    this.#last = batch;
    this.#lastIndex = index;
    return index;
  }

  /** How many bytes batch `index`'s fields take. */
  bytes(index: number): number {
    return this.#starts.at(2 * index + 2) - this.#starts.at(2 * index);
  }

  writeSku(chunk: Buffer, at: number, index: number): number {
    return this.#copy(chunk, at, 2 * index);
  }

  writeRef(chunk: Buffer, at: number, index: number): number {
    return this.#copy(chunk, at, 2 * index + 1);
  }

  /** Copies part `part` (see the class comment) to `at`; returns where it ends. */
  #copy(chunk: Buffer, at: number, part: number): number {
    const bytes = this.#bytes;
    const end = this.#starts.at(part + 1);
    let to = at;
    for (let from = this.#starts.at(part); from < end; from++) {
      chunk[to++] = bytes[from] as number;
    }
    return to;
  }

  #append(text: string): void {
    const start = this.#starts.at(this.#starts.length - 1);
    const length = Buffer.byteLength(text);
    if (start + length > this.#bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * this.#bytes.length, start + length));
      this.#bytes.copy(grown, 0, 0, start);
      this.#bytes = grown;
    }
    this.#bytes.write(text, start, 'utf8');
    this.#starts.push(start + length);
  }
}
