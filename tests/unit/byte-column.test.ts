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
        const sent = new ByteColumn(structuredClone(column.data()));

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
});
