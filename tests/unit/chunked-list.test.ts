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

  it('replaces and truncates as an array would, across chunk boundaries, and grows again', () => {
    const CHUNK = 65_536;
    const cut = fc.constantFrom(0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK);
    fc.assert(
      fc.property(cut, fc.nat({ max: 2 * CHUNK + 5 }), fc.nat({ max: 3 }), (length, at, more) => {
        const list = new ChunkedList<number>();
        const model: number[] = [];
        for (let i = 0; i < 2 * CHUNK + 5; i++) {
          list.push(i);
          model.push(i);
        }

        list.set(at, -1);
        model[at] = -1;
        list.truncate(length);
        model.length = length;
        for (let i = 0; i < more; i++) {
          list.push(-2 - i);
          model.push(-2 - i);
        }

        expect(list.length).toBe(model.length);
        expect(model.findIndex((item, i) => list.at(i) !== item)).toBe(-1);
        expect([...list].length).toBe(model.length);
      }),
      { numRuns: 20 },
    );
  });
});
