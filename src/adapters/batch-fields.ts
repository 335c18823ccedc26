import type { Batch } from '../domain/batch.js';
import { ByteColumn } from './byte-column.js';
import { csvField } from './csv-writer.js';

/**
 * Each batch's fields as they surround a line's qty, `,sku,` before it and `,ref\n` after, in
 * UTF-8, side by side: batch i's sku part is row 2i of a byte column and its ref part row 2i + 1.
 * For allocations.csv's lines (see allocation-lines.ts).
 */
export class BatchFields {
  readonly #index = new Map<Batch, number>();
  readonly #parts = new ByteColumn();
  #last: Batch | undefined;
  #lastIndex = -1;

  /** The batch's index; consecutive slots are mostly of one batch, so the last is kept at hand. */
  indexOf(batch: Batch): number {
    if (batch === this.#last) return this.#lastIndex;
    let index = this.#index.get(batch);
    if (index === undefined) {
      index = this.#index.size;
      this.#index.set(batch, index);
      this.#parts.push(`,${csvField(batch.sku)},`);
      this.#parts.push(`,${csvField(batch.reference)}\n`);
    }
    this.#last = batch;
    this.#lastIndex = index;
    return index;
  }

  /** How many bytes batch `index`'s fields take. */
  bytes(index: number): number {
    return this.#parts.byteLength(2 * index) + this.#parts.byteLength(2 * index + 1);
  }

  writeSku(chunk: Buffer, at: number, index: number): number {
    return this.#parts.copyTo(2 * index, chunk, at);
  }

  writeRef(chunk: Buffer, at: number, index: number): number {
    return this.#parts.copyTo(2 * index + 1, chunk, at);
  }
}
