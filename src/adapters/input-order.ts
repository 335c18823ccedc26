/**
 * A run may handle its input rows in another order than the files give them (grouped by sku, so
 * that one product's data stays in the cache), while what it writes must read as if it had gone
 * row by row. So what a command produces is tagged with the input position it came from, and
 * given back in position order.
 */

/**
 * Where each index of `positions` goes when they are put in ascending position order, equal
 * positions in their original order: a stable counting sort, linear in the count and the
 * largest position.
 */
export function ranksByPosition(positions: ArrayLike<number>): Int32Array {
  const count = positions.length;
  let largest = -1;
  for (let i = 0; i < count; i++) largest = Math.max(largest, positions[i] as number);
  const next = new Int32Array(largest + 2);
  for (let i = 0; i < count; i++) {
    const after = (positions[i] as number) + 1;
    next[after] = (next[after] as number) + 1;
  }
  for (let p = 1; p < next.length; p++) next[p] = (next[p] as number) + (next[p - 1] as number);
  const ranks = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const position = positions[i] as number;
    const rank = next[position] as number;
    ranks[i] = rank;
    next[position] = rank + 1;
  }
  return ranks;
}

/** The indexes of `positions`, in ascending position order, equal positions in their original order. */
export function byPosition(positions: ArrayLike<number>): Int32Array {
  const ranks = ranksByPosition(positions);
  const order = new Int32Array(ranks.length);
  for (let i = 0; i < ranks.length; i++) order[ranks[i] as number] = i;
  return order;
}

/** `items` put in the order of `positions`, those of one position in their order. */
export function inPositionOrder<T>(items: readonly T[], positions: ArrayLike<number>): T[] {
  return Array.from(byPosition(positions), (i) => items[i] as T);
}

/** Items kept with the position each came from, handed back in position order. */
export class InInputOrder<T> {
  readonly #items: T[] = [];
  readonly #positions: number[] = [];
  #ascending = true;

  push(item: T, position: number): void {
    const last = this.#positions[this.#positions.length - 1] ?? position;
    if (position < last) this.#ascending = false;
    this.#items.push(item);
    this.#positions.push(position);
  }

  /** The items by position; those from one position in the order they came. */
  items(): T[] {
    if (this.#ascending) return [...this.#items];
    return inPositionOrder(this.#items, this.#positions);
  }

  /**
   * The items and their positions as they came: in step with memory, and with what made them,
   * for a pass that need not go by position.
   */
  arrivals(): { readonly items: readonly T[]; readonly positions: readonly number[] } {
    return { items: this.#items, positions: this.#positions };
  }
}
