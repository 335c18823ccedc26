import type { BatchRow } from './input-files.js';

/**
 * The indexes of `groupOf` grouped by its numbers, groups in number order, each group's indexes
 * in order: a counting sort. Each number is from 0 to `groups` - 1.
 */
export function groupedIndexes(groupOf: ArrayLike<number>, groups: number): Int32Array {
  const next = new Int32Array(groups + 1);
  for (let i = 0; i < groupOf.length; i++) {
    const group = groupOf[i] as number;
    next[group + 1] = (next[group + 1] as number) + 1;
  }
  for (let g = 1; g < next.length; g++) next[g] = (next[g] as number) + (next[g - 1] as number);
  const grouped = new Int32Array(groupOf.length);
  for (let i = 0; i < groupOf.length; i++) {
    const group = groupOf[i] as number;
    const slot = next[group] as number;
    grouped[slot] = i;
    next[group] = slot + 1;
  }
  return grouped;
}

/** Batch rows' indexes grouped by sku, skus in the order they first appear, each's in order. */
export function batchesBySku(rows: readonly BatchRow[]): Int32Array {
  const numbers = new Map<string, number>();
  const skuOf = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const { sku } = rows[i] as BatchRow;
    let number = numbers.get(sku);
    if (number === undefined) {
      number = numbers.size;
      numbers.set(sku, number);
    }
    skuOf[i] = number;
  }
  return groupedIndexes(skuOf, numbers.size);
}
