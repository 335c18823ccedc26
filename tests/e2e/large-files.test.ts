import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvOf, entries, folderWith, read, runCli } from '../support/cli.js';

/** Over a megabyte: orders.csv files this large are read on a worker thread. */
const LINES = 50_000;
const STOCK = { 'RETRO-CLOCK': 30_000, 'OMINOUS-MIRROR': 80_000 } as const;
const BATCHES = csvOf(
  'ref,sku,qty,eta',
  'clock-batch,RETRO-CLOCK,30000,',
  'mirror-batch,OMINOUS-MIRROR,80000,',
);
const BATCH_OF = { 'RETRO-CLOCK': 'clock-batch', 'OMINOUS-MIRROR': 'mirror-batch' } as const;

/** Order lines over two skus, with an unknown sku now and then; the clock runs out of stock. */
function orderLines(): [string, string, number][] {
  return Array.from({ length: LINES }, (_, i) => {
    const sku = i % 1000 === 999 ? 'NO-SUCH-LAMP' : i % 2 === 0 ? 'RETRO-CLOCK' : 'OMINOUS-MIRROR';
    return [`order-${String(i).padStart(9, '0')}`, sku, 1 + (i % 3)];
  });
}

describe('allocate-from-csv, large files', () => {
  it('reads a large orders.csv with the outcome of file order', async () => {
    const lines = orderLines();
    const dir = folderWith({
      'batches.csv': BATCHES,
      'orders.csv': csvOf('orderid,sku,qty', ...lines.map((l) => l.join(','))),
    });
    expect(read(dir, 'orders.csv').length).toBeGreaterThan(1 << 20);

    const { code } = await runCli([dir]);

    const left: Record<string, number> = { ...STOCK };
    const allocated: string[] = [];
    const unallocated: string[] = [];
    for (const [orderid, sku, qty] of lines) {
      const stock = left[sku];
      if (stock === undefined) unallocated.push(`${orderid},${sku},${qty},unknown-sku`);
      else if (stock < qty) unallocated.push(`${orderid},${sku},${qty},out-of-stock`);
      else {
        left[sku] = stock - qty;
        allocated.push(`${orderid},${sku},${qty},${BATCH_OF[sku as keyof typeof BATCH_OF]}`);
      }
    }
    expect(code).toBe(1);
    expect(read(dir, 'allocations.csv')).toBe(csvOf('orderid,sku,qty,batchref', ...allocated));
    expect(read(dir, 'unallocated.csv')).toBe(csvOf('orderid,sku,qty,reason', ...unallocated));
  });

  it('reports bad lines deep in a large orders.csv with their lines, beside other files', async () => {
    const rows = orderLines().map((l) => l.join(','));
    rows[45_000] = 'order-bad,RETRO-CLOCK,x';
    const dir = folderWith({
      'batches.csv': `${BATCHES}broken-batch,RETRO-CLOCK,-5,\n`,
      'orders.csv': csvOf('orderid,sku,qty', ...rows),
    });
    const before = entries(dir).map((f) => [f, read(dir, f)]);

    const { code, stderr } = await runCli([dir]);

    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, 'batches.csv')}:4: qty "-5" is not a whole number`);
    expect(stderr).toContain(`${join(dir, 'orders.csv')}:45002: qty "x" is not a whole number`);
    expect(entries(dir).map((f) => [f, read(dir, f)])).toEqual(before);
  });

  it('reports a bad line in a large orders.csv when the other files are fine', async () => {
    const rows = orderLines().map((l) => l.join(','));
    rows[49_999] = 'order-last,RETRO-CLOCK,0';
    const dir = folderWith({
      'batches.csv': BATCHES,
      'orders.csv': csvOf('orderid,sku,qty', ...rows),
    });

    const { code, stderr } = await runCli([dir]);

    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, 'orders.csv')}:50001: qty "0" must be at least 1`);
    expect(entries(dir)).not.toContain('allocations.csv');
  });
});
