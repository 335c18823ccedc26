import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvOf, entries, folderWith, read, runCli } from '../support/cli.js';
import {
  folderOf,
  inFileOrder,
  orderLines,
  TWO_BATCHES,
  windows1252,
} from '../support/large-folder.js';

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
      const dir = folderOf(rows, rerun, TWO_BATCHES, how.encode);
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
      'batches.csv': `${TWO_BATCHES}${csvText(others[0] as string, others.slice(1))}`,
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
    const dir = folderOf(rows, true, `${TWO_BATCHES}broken-batch,RETRO-CLOCK,-5,\n`);
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
