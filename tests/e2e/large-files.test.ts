import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvOf, entries, folderWith, read, runCli } from '../support/cli.js';

/**
 * Over a megabyte: an orders.csv this large is read on a worker thread when allocations.csv is
 * at least a quarter of its size, and on the main thread otherwise. Both must give the same.
 */
const LINES = 50_000;
/** Lines allocated by an earlier run, in the re-run case: before the clock runs out. */
const EARLIER = 20_000;
const STOCK = { 'RETRO-CLOCK': 30_000, 'OMINOUS-MIRROR': 80_000 } as const;
const BATCHES = csvOf(
  'ref,sku,qty,eta',
  'clock-batch,RETRO-CLOCK,30000,',
  'mirror-batch,OMINOUS-MIRROR,80000,',
);
const BATCH_OF = { 'RETRO-CLOCK': 'clock-batch', 'OMINOUS-MIRROR': 'mirror-batch' } as const;

/** Order lines over two skus, with an unknown sku now and then; the clock runs out of stock. */
function orderLines(count = LINES): [string, string, number][] {
  return Array.from({ length: count }, (_, i) => {
    const sku = i % 1000 === 999 ? 'NO-SUCH-LAMP' : i % 2 === 0 ? 'RETRO-CLOCK' : 'OMINOUS-MIRROR';
    return [`order-${String(i).padStart(9, '0')}`, sku, 1 + (i % 3)];
  });
}

/** What allocating `lines` in file order gives: each line's allocations.csv row, or its reason. */
function inFileOrder(lines: [string, string, number][]) {
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
function folderOf(
  orders: string[],
  rerun: boolean,
  batches = BATCHES,
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
function windows1252(text: string): Buffer {
  return Buffer.from(text.replaceAll('\n', '\r\n'), 'latin1');
}

describe('allocate-from-csv, large files', () => {
  it.each([
    ['fresh', false],
    ['on a re-run', true],
  ])('reads a large orders.csv with the outcome of file order, %s', async (_, rerun) => {
    const lines = orderLines();
    const dir = folderOf(
      lines.map((l) => l.join(',')),
      rerun,
    );

    const { code } = await runCli([dir]);

    const outcomes = inFileOrder(lines);
    const allocated = outcomes.flatMap((o) => o.allocated ?? []);
    const unallocated = outcomes.flatMap((o) => o.unallocated ?? []);
    expect(code).toBe(1);
    expect(read(dir, 'allocations.csv')).toBe(csvOf('orderid,sku,qty,batchref', ...allocated));
    expect(read(dir, 'unallocated.csv')).toBe(csvOf('orderid,sku,qty,reason', ...unallocated));
  });

  // Read a piece at a time, such a file shows what it is only near its end: it is then read
  // again, whole.
  const LATE: [string, { written: string; encode?: (text: string) => Buffer }][] = [
    [
      'from Windows-1252 with CRLF, its first accent',
      { written: 'commande-é', encode: windows1252 },
    ],
    ['with its first quoted value', { written: '"order, late"' }],
  ];
  it.each(LATE)('reads a large orders.csv %s near the end, fresh and re-run', async (_, how) => {
    const lines = orderLines();
    const rows = lines.map((l) => l.join(','));
    rows[49_000] = `${how.written},RETRO-CLOCK,1`;
    lines[49_000] = [how.written, 'RETRO-CLOCK', 1];
    const expected = inFileOrder(lines).flatMap((o) => o.allocated ?? []);

    for (const rerun of [false, true]) {
      const dir = folderOf(rows, rerun, BATCHES, how.encode);
      const { code } = await runCli([dir]);

      expect(code).toBe(1);
      expect(read(dir, 'allocations.csv')).toBe(csvOf('orderid,sku,qty,batchref', ...expected));
    }
  });

  it.each([
    ['fresh', false],
    ['on a re-run', true],
  ])('names both lines of a repeat in a large orders.csv, %s', async (_, rerun) => {
    const rows = orderLines().map((l) => l.join(','));
    rows[40_000] = rows[30_001] as string;
    const dir = folderOf(rows, rerun);

    const { stderr } = await runCli([dir]);

    expect(stderr).toContain(
      `warning: ${join(dir, 'orders.csv')}:40002: order line order-000030001/OMINOUS-MIRROR is listed again (as on line 30003); counted once`,
    );
  });

  it('reads an orders.csv of 8 MiB or more, in two parts, with the outcome of file order', async () => {
    // A first run reads such a file in two parts at once; a batches.csv of some size moves the
    // split point (see background-lines.ts). Too many rows to spread into csvOf's arguments.
    const csvText = (header: string, rows: string[]) => `${[header, ...rows].join('\n')}\n`;
    const lines = orderLines(320_000);
    const others = Array.from({ length: 20_000 }, (_, i) => `shelf-${i},SHELF-${i},5,2027-01-01`);
    const dir = folderWith({
      'batches.csv': `${BATCHES}${csvText(others[0] as string, others.slice(1))}`,
      'orders.csv': csvText(
        'orderid,sku,qty',
        lines.map((l) => l.join(',')),
      ),
    });
    expect(read(dir, 'orders.csv').length).toBeGreaterThan(8 << 20);

    const { code } = await runCli([dir]);

    const outcomes = inFileOrder(lines);
    const allocated = outcomes.flatMap((o) => o.allocated ?? []);
    const unallocated = outcomes.flatMap((o) => o.unallocated ?? []);
    expect(code).toBe(1);
    expect(read(dir, 'allocations.csv')).toBe(csvText('orderid,sku,qty,batchref', allocated));
    expect(read(dir, 'unallocated.csv')).toBe(csvText('orderid,sku,qty,reason', unallocated));
  });

  it('reports bad lines deep in a large orders.csv with their lines, beside other files', async () => {
    const rows = orderLines().map((l) => l.join(','));
    rows[45_000] = 'order-bad,RETRO-CLOCK,x';
    const dir = folderOf(rows, true, `${BATCHES}broken-batch,RETRO-CLOCK,-5,\n`);
    const before = entries(dir).map((f) => [f, read(dir, f)]);

    const { code, stderr } = await runCli([dir]);

    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, 'batches.csv')}:4: qty "-5" is not a whole number`);
    expect(stderr).toContain(`${join(dir, 'orders.csv')}:45002: qty "x" is not a whole number`);
    expect(entries(dir).map((f) => [f, read(dir, f)])).toEqual(before);
  });

  it.each([
    ['fresh', false],
    ['on a re-run', true],
  ])(
    'reports a bad line in a large orders.csv when the other files are fine, %s',
    async (_, rerun) => {
      const rows = orderLines().map((l) => l.join(','));
      rows[49_999] = 'order-last,RETRO-CLOCK,0';
      const dir = folderOf(rows, rerun);
      const before = entries(dir).map((f) => [f, read(dir, f)]);

      const { code, stderr } = await runCli([dir]);

      expect(code).toBe(2);
      expect(stderr).toContain(`${join(dir, 'orders.csv')}:50001: qty "0" must be at least 1`);
      expect(entries(dir).map((f) => [f, read(dir, f)])).toEqual(before);
    },
  );
});
