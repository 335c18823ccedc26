import { type Batch, preferenceOrder } from './batch.js';

/**
 * The batches of one product in preference order, with a max-tree of their available
 * quantities: the first batch that can take a whole line is found in O(log n), and a batch whose
 * quantities change is updated in O(log n). Sorting happens once, when batches have been added.
 */
export class BatchRanking {
  #ranked: Batch[] = [];
  #tree = new Float64Array(2);
  #size = 1;

  constructor(batches: readonly Batch[]) {
    this.#ranked = [...batches].sort(preferenceOrder);
    this.#size = 1;
    while (this.#size < this.#ranked.length) this.#size *= 2;
    this.#tree = new Float64Array(2 * this.#size).fill(Number.NEGATIVE_INFINITY);
    this.#ranked.forEach((batch, i) => {
      batch.rank = i;
      this.#tree[this.#size + i] = batch.availableQuantity;
    });
    for (let node = this.#size - 1; node >= 1; node--) this.#pull(node);
  }

  /** Call after a batch's allocated or purchased quantity changed. */
  update(batch: Batch): void {
    let node = this.#size + batch.rank;
    this.#tree[node] = batch.availableQuantity;
    for (node >>= 1; node >= 1; node >>= 1) this.#pull(node);
  }

  /** The most preferred batch with at least `qty` available. */
  firstFit(qty: number): Batch | undefined {
    const tree = this.#tree;
    if ((tree[1] ?? Number.NEGATIVE_INFINITY) < qty) return undefined;
    let node = 1;
    while (node < this.#size) {
      node *= 2;
      if ((tree[node] ?? Number.NEGATIVE_INFINITY) < qty) node += 1;
    }
    return this.#ranked[node - this.#size];
  }

  #pull(node: number): void {
    const tree = this.#tree;
    tree[node] = Math.max(tree[2 * node] ?? 0, tree[2 * node + 1] ?? 0);
  }
}
