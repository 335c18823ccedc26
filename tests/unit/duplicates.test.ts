import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RepeatedLines } from '../../src/adapters/duplicates.js';
import { LineColumns } from '../../src/adapters/line-columns.js';

const line = fc.record({
  orderid: fc.constantFrom('o1', 'o2', 'o3', 'ORDER-000000000001', 'é'),
  sku: fc.constantFrom('CLOCK', 'LAMP', 'MIRROR'),
  qty: fc.integer({ min: 1, max: 2 }),
});

describe('repeated lines, asked sku by sku', () => {
  it('are the lines whose orderid and sku an earlier line had; the same qty warns, another errs', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 400, size: 'max' }), (lines) => {
        const rows = new LineColumns();
        for (const { orderid, sku, qty } of lines) rows.push(orderid, sku, qty);
        const repeats = new RepeatedLines('orders', rows, (row) => row + 2, 'orders.csv');

        const said = Array.from(rows.bySku(), (i) => [i, repeats.has(i)] as const);

        const firstOf = (i: number) => {
          const { orderid, sku } = lines[i] as (typeof lines)[number];
          return lines.findIndex((l) => l.orderid === orderid && l.sku === sku);
        };
        const expected = said.map(([i]) => [i, firstOf(i) < i] as const);
        expect(said).toEqual(expected);
        const repeated = expected.filter(([, is]) => is).map(([i]) => i);
        const sameQty = (i: number) => lines[firstOf(i)]?.qty === lines[i]?.qty;
        expect(repeats.warnings.map((w) => w.line)).toEqual(
          repeated.filter(sameQty).map((i) => i + 2),
        );
        expect(repeats.problems.map((p) => p.line)).toEqual(
          repeated.filter((i) => !sameQty(i)).map((i) => i + 2),
        );
      }),
      { numRuns: 200 },
    );
  });
});
