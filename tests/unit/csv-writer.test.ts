import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvChunks, csvField, csvLine } from '../../src/adapters/csv-writer.js';

const value = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' spaced ', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', 'é€', '=1+2'),
);

describe('the CSV writer', () => {
  it('writes what csv-stringify writes, byte for byte', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { minLength: 4, maxLength: 4 }), { maxLength: 30 }),
        (rows) => {
          const text = [
            ...csvChunks(['orderid', 'sku', 'qty', 'batchref'], rows.map(csvLine)),
          ].join('');

          const expected = stringify([['orderid', 'sku', 'qty', 'batchref'], ...rows], {
            record_delimiter: '\n',
          });

          expect(text).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('writes a line as its fields, each quoted as csv-stringify would, joined by commas', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 2, maxLength: 6 }), (row) => {
        const line = `${row.map(csvField).join(',')}\n`;

        expect(line).toBe(stringify([row], { record_delimiter: '\n' }));
      }),
      { numRuns: 500 },
    );
  });

  it('cuts a long text into chunks and keeps every row', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => [`row-${i}`]);

    const chunks = [...csvChunks(['a'], rows.map(csvLine))];

    expect(chunks.length).toBeGreaterThan(5);
    const lines = chunks.join('').split('\n');
    expect(lines).toHaveLength(50_002);
    expect(lines[50_000]).toBe('row-49999');
  });
});
