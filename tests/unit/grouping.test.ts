import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchesBySku } from '../../src/adapters/grouping.js';

const batch = fc.record({
  ref: fc.string({ minLength: 1 }),
  sku: fc.constantFrom('RETRO-CLOCK', 'OMINOUS-MIRROR', 'BLUE-VASE'),
  qty: fc.nat(),
  eta: fc.constantFrom(null, '2027-01-01'),
});

describe('batch rows grouped by sku', () => {
  it('lists every row once, skus as they first appear, each sku in file order', () => {
    fc.assert(
      fc.property(fc.array(batch, { maxLength: 200 }), (rows) => {
        const grouped = Array.from(batchesBySku(rows));

        const skus = [...new Set(rows.map((r) => r.sku))];
        const expected = skus.flatMap((s) => rows.flatMap((r, i) => (r.sku === s ? [i] : [])));
        expect(grouped).toEqual(expected);
      }),
    );
  });
});
