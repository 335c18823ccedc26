import { expect } from 'vitest';
import { csvOf, folderWith, read } from './cli.js';

/**
 * Large folders for tests/e2e/large-files.test.ts, and what allocating them in file order gives.
 *
 * Over a megabyte: an orders.csv this large is read on a worker thread when allocations.csv is
 * at least a quarter of its size, and on the main thread otherwise. Both must give the same.
 */
const LINES = 50_000;
/** Lines allocated by an earlier run, in the re-run case: before the clock runs out. */
const EARLIER = 20_000;
const STOCK = { 'RETRO-CLOCK': 30_000, 'OMINOUS-MIRROR': 80_000 } as const;
export const TWO_BATCHES = csvOf(
  'ref,sku,qty,eta',
  'clock-batch,RETRO-CLOCK,30000,',
  'mirror-batch,OMINOUS-MIRROR,80000,',
);
const BATCH_OF = { 'RETRO-CLOCK': 'clock-batch', 'OMINOUS-MIRROR': 'mirror-batch' } as const;

/** Order lines over two skus, with an unknown sku now and then; the clock runs out of stock. */
export function orderLines(count = LINES): [string, string, number][] {
  return Array.from({ length: count }, (_, i) => {
    const sku = i % 1000 === 999 ? 'NO-SUCH-LAMP' : i % 2 === 0 ? 'RETRO-CLOCK' : 'OMINOUS-MIRROR';
    return [`order-${String(i).padStart(9, '0')}`, sku, 1 + (i % 3)];
  });
}

/** What allocating `lines` in file order gives: each line's allocations.csv row, or its reason. */
export function inFileOrder(lines: [string, string, number][]) {
  const left: Record<string, number> = { ...STOCK };
  return lines.map(([orderid, sku, qty]) => {
    const stock = left[sku];
    if (stock === undefined) return { unallocated: `${orderid},${sku},${qty},unknown-sku` };
    if (stock < qty) return { unallocated: `${orderid},${sku},${qty},out-of-stock` };
    left[sku] = stock - qty;
    return { allocated: `${orderid},${sku},${qty},${BATCH_OF[sku as keyof typeof BATCH_OF]}` };
  });
}

/**
 * A folder of `orders`, with the first EARLIER lines' allocations already made if `rerun`;
 * orders.csv is written with `encode` if given.
 */
export function folderOf(
  orders: string[],
  rerun: boolean,
  batches = TWO_BATCHES,
  encode: (text: string) => string | Buffer = (text) => text,
) {
  const earlier = inFileOrder(orderLines().slice(0, EARLIER)).flatMap((o) => o.allocated ?? []);
  const dir = folderWith({
    'batches.csv': batches,
    'orders.csv': encode(csvOf('orderid,sku,qty', ...orders)),
    ...(rerun ? { 'allocations.csv': csvOf('orderid,sku,qty,batchref', ...earlier) } : {}),
  });
  expect(read(dir, 'orders.csv').length).toBeGreaterThan(1 << 20);
  return dir;
}

/** What Excel writes on Western Windows. */
export function windows1252(text: string): Buffer {
  return Buffer.from(text.replaceAll('\n', '\r\n'), 'latin1');
}
