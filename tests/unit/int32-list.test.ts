import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Int32List } from '../../src/adapters/int32-list.js';

const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });

describe('a growing list of 32-bit integers', () => {
  it('gives back every number pushed, in order, however often it grew', () => {
    fc.assert(
      fc.property(fc.array(int32, { maxLength: 300 }), fc.nat({ max: 40 }), (numbers, capacity) => {
        const list = new Int32List(capacity);

        for (const n of numbers) list.push(n);

        expect(list.length).toBe(numbers.length);
        expect(Array.from(list.view())).toEqual(numbers);
        expect(numbers.map((_, i) => list.at(i))).toEqual(numbers);
      }),
    );
  });

  it('takes over an array, and grows past it when pushed to', () => {
    fc.assert(
      fc.property(fc.array(int32, { maxLength: 50 }), fc.array(int32), (first, more) => {
        const list = Int32List.of(Int32Array.from(first));

        for (const n of more) list.push(n);

        expect(Array.from(list.view())).toEqual([...first, ...more]);
      }),
    );
  });

  it('replaces and truncates as an array would, and grows again', () => {
    fc.assert(
      fc.property(
        fc.array(int32, { minLength: 1, maxLength: 60 }),
        fc.nat(),
        fc.nat({ max: 70 }),
        fc.array(int32, { maxLength: 20 }),
        (numbers, at, length, more) => {
          const list = new Int32List(4);
          for (const n of numbers) list.push(n);
          const model = [...numbers];

          list.set(at % numbers.length, 7);
          model[at % numbers.length] = 7;
          list.truncate(length);
          model.length = Math.min(length, model.length);
          for (const n of more) list.push(n);
          model.push(...more);

          expect(Array.from(list.view())).toEqual(model);
        },
      ),
    );
  });
});
