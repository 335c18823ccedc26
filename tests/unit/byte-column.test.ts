import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteColumn } from '../../src/adapters/byte-column.js';

const value = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', 'BATCH-0000001', 'café', 'é€😀', 'x'.repeat(70_000), '€'.repeat(30_000)),
);

describe('a column of strings held as bytes', () => {
  it('gives back each row as pushed, here and on another thread, as text and as bytes', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), (values) => {
        const column = new ByteColumn();

        for (const v of values) column.push(v);
        const sent = new ByteColumn(
          structuredClone(column.dataInOrder(Int32Array.from(values.keys()))),
        );

        const expected = values.map((v) => Buffer.from(v, 'utf8').toString('utf8'));
        expect(Array.from({ length: column.length }, (_, i) => column.at(i))).toEqual(expected);
        expect(Array.from({ length: sent.length }, (_, i) => sent.at(i))).toEqual(expected);
        const copied = values.map((_, i) => {
          const target = Buffer.alloc(column.byteLength(i) + 2);
          return target.subarray(1, column.copyTo(i, target, 1)).toString('utf8');
        });
        expect(copied).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('gives rows in another order to another thread', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 100 }), fc.nat(), (values, seed) => {
        const column = new ByteColumn();
        for (const v of values) column.push(v);
        const order = Int32Array.from(values.keys(), (i) => (i + seed) % values.length).reverse();

        const sent = new ByteColumn(structuredClone(column.dataInOrder(order)));

        const expected = Array.from(order, (row) => column.at(row));
        expect(Array.from({ length: sent.length }, (_, k) => sent.at(k))).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });

  it('reads rows back in any order, the same bytes again or others of the same length', () => {
    // Few values, most of one length: a row is often read right after one like it or equal to it.
    const ref = fc.constantFrom('B-1', 'B-2', 'C-1', 'B-10', 'é', 'ab', '', 'B-1');
    fc.assert(
      fc.property(
        fc.array(ref, { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 80 }),
        (values, picks) => {
          const column = new ByteColumn();
          for (const v of values) column.push(v);

          const rows = picks.map((p) => p % values.length);

          expect(rows.map((i) => column.at(i))).toEqual(rows.map((i) => values[i]));
        },
      ),
      { numRuns: 300 },
    );
  });
});
