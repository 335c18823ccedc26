import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedList } from '../../src/adapters/chunked-list.js';

describe('a list grown by chunks', () => {
  it('gives back every item pushed, in order, by index and by iteration', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 300 }), (items) => {
        const list = new ChunkedList<number>();

        for (const item of items) list.push(item);

        expect(list.length).toBe(items.length);
        expect(items.map((_, i) => list.at(i))).toEqual(items);
        expect([...list]).toEqual(items);
      }),
    );
  });

  it('keeps items across chunks, on both sides of each boundary', () => {
    const list = new ChunkedList<number>();
    const count = 2 * 65_536 + 3;

    for (let i = 0; i < count; i++) list.push(i * 3);

    expect(list.length).toBe(count);
    expect([0, 65_535, 65_536, 131_071, 131_072, count - 1].map((i) => list.at(i))).toEqual([
      0,
      65_535 * 3,
      65_536 * 3,
      131_071 * 3,
      131_072 * 3,
      (count - 1) * 3,
    ]);
    expect([...list].every((item, i) => item === i * 3)).toBe(true);
  });
});
