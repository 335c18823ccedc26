import type { Product } from '../domain/product.js';
import { type InInputOrder, inPositionOrder } from './input-order.js';

export type UnallocatedReason = 'out-of-stock' | 'unknown-sku';
export interface UnallocatedLine {
  readonly orderid: string;
  readonly sku: string;
  readonly qty: number;
  readonly reason: UnallocatedReason;
}

/** Where the products are found: the unit of work's repository. */
interface Products {
  peek(sku: string): Pick<Product, 'allocationFor'> | undefined;
}

/**
 * Of the lines reported unallocated, in position order, those still unallocated now: once
 * each, where first reported, as last reported (a line moved off its batch and listed again
 * in orders.csv is tried twice).
 *
 * The lines are looked at as they were reported, sku by sku, which keeps each product in the
 * cache; in position order, nearly every line missed it: 1.3 µs a line, 1.7 s for a million
 * lines mostly out of stock. A line's reports came in position order too, so its first is its
 * first by position.
 */
export function stillUnallocated(
  products: Products,
  reported: InInputOrder<UnallocatedLine>,
): UnallocatedLine[] {
  const { items, positions } = reported.arrivals();
  const lines: UnallocatedLine[] = [];
  const firstAt: number[] = [];
  const places = new Map<string, Map<string, number>>();
  items.forEach((line, i) => {
    const { orderid, sku } = line;
    if (products.peek(sku)?.allocationFor(orderid) !== undefined) return;
    let bySku = places.get(sku);
    if (bySku === undefined) places.set(sku, (bySku = new Map<string, number>()));
    const place = bySku.get(orderid);
    if (place !== undefined) {
      lines[place] = line;
      return;
    }
    bySku.set(orderid, lines.push(line) - 1);
    firstAt.push(positions[i] as number);
  });
  return inPositionOrder(lines, firstAt);
}
