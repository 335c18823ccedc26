import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvOf, folderWith, GOOD, read, runCli } from '../support/cli.js';

describe('repeated lines: counted once with a warning, or an input error if they differ', () => {
  it('finds repeats among many lines, with both line numbers', async () => {
    const rows = Array.from(
      { length: 60_000 },
      (_, i) => `order-${String(i).padStart(9, '0')},CLOCK,1`,
    );
    rows[50_000] = 'order-000000007,CLOCK,1';
    const dir = folderWith({ ...GOOD, 'orders.csv': csvOf('orderid,sku,qty', ...rows) });
    expect(read(dir, 'orders.csv').length).toBeGreaterThan(1 << 20);
    const orders = join(dir, 'orders.csv');

    const repeated = await runCli(['--json', dir]);
    rows[55_000] = 'order-000000009,CLOCK,2';
    writeFileSync(orders, csvOf('orderid,sku,qty', ...rows));
    const conflicting = await runCli([dir]);

    expect(repeated.stderr).toContain(
      `warning: ${orders}:50002: order line order-000000007/CLOCK is listed again (as on line 9); counted once`,
    );
    expect(JSON.parse(repeated.stdout)).toMatchObject({ linesRead: 59_999, warnings: 1 });
    expect(conflicting.code).toBe(2);
    expect(conflicting.stderr).toContain(
      `${orders}:55002: order line order-000000009/CLOCK is listed again with other values (first on line 11)`,
    );
  });

  it('lists the first 20 warnings and counts the rest, as a file pasted in twice would give', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `o${i},CLOCK,1`);
    const dir = folderWith({ ...GOOD, 'orders.csv': csvOf('orderid,sku,qty', ...rows, ...rows) });

    const { stderr } = await runCli([dir]);

    const warnings = stderr.split('\n').filter((line) => line.startsWith('warning: '));
    expect(warnings).toHaveLength(21);
    expect(warnings[0]).toContain(
      'orders.csv:27: order line o0/CLOCK is listed again (as on line 2)',
    );
    expect(warnings[19]).toContain('orders.csv:46: order line o19/CLOCK is listed again');
    expect(warnings[20]).toBe('warning: ... and 5 more warnings');
    expect(stderr).toMatch(/warnings\s+25/);
  });

  it('counts an identical repeated allocation once, with a warning', async () => {
    const dir = folderWith({
      ...GOOD,
      'allocations.csv': csvOf('orderid,sku,qty,batchref', 'o0,CLOCK,5,b1', 'o0,CLOCK,5,b1'),
    });

    const { code, stderr } = await runCli([dir]);

    expect(code).toBe(0);
    expect(stderr).toContain(
      `warning: ${join(dir, 'allocations.csv')}:3: allocation o0/CLOCK is listed again (as on line 2); counted once`,
    );
    expect(read(dir, 'allocations.csv')).toBe(
      csvOf('orderid,sku,qty,batchref', 'o0,CLOCK,5,b1', 'o1,CLOCK,3,b1', 'o2,CLOCK,4,b1'),
    );
  });

  it('counts an identical duplicate once, with a warning naming both lines', async () => {
    const dir = folderWith({
      ...GOOD,
      'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,3', 'o1,CLOCK,3'),
    });

    const { code, stderr } = await runCli([dir]);

    expect(code).toBe(0);
    expect(stderr).toContain(
      `warning: ${join(dir, 'orders.csv')}:3: order line o1/CLOCK is listed again (as on line 2); counted once`,
    );
  });
});
