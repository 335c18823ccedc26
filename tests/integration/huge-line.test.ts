import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../src/adapters/byte-source.js';
import { parseFile } from '../../src/adapters/input-files.js';

/** orders.csv with one good line, then a line of `length` digits and no line end. */
function withHugeLine(length: number): Buffer {
  const head = Buffer.from('orderid,sku,qty\no1,CLOCK,3\no2,CLOCK,');
  const bytes = Buffer.alloc(head.length + length, '7');
  head.copy(bytes);
  return bytes;
}

describe('a line longer than any text a run can hold', () => {
  it('is an input problem on its line, not a crash', () => {
    const parsed = parseFile('orders', 'orders.csv', bytesSource(withHugeLine(300 * 2 ** 20)));

    expect(parsed.problems).toEqual([
      {
        file: 'orders.csv',
        line: 3,
        message: 'is over 256 MB long, with no line end: is this a CSV file?',
      },
    ]);
    expect(parsed.rows.length).toBe(0);
  }, 60_000);
});
