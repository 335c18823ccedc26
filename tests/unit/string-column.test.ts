import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownCopy } from '../../src/adapters/own-string.js';
import { StringColumn } from '../../src/adapters/string-column.js';

/** Few distinct values, so that rows repeat, in a row and apart. */
const value = fc.oneof(fc.constantFrom('ORDER-00000001', 'ORDER-00000002', 'é', ''), fc.string());

describe('a column of strings held once each', () => {
  for (const shared of ['all', 'runs'] as const) {
    it(`gives back every row as pushed, here and on another thread (${shared})`, () => {
      fc.assert(
        fc.property(fc.array(value, { maxLength: 2100 }), (values) => {
          const column = new StringColumn(shared);

          for (const v of values) column.push(v);
          const received = new StringColumn(
            shared,
            structuredClone(column.dataInOrder(Int32Array.from(values.keys()))),
          );

          const rows = (c: StringColumn) => Array.from({ length: c.length }, (_, i) => c.at(i));
          expect(rows(column)).toEqual(values);
          expect(rows(received)).toEqual(values);
        }),
        { numRuns: 50 },
      );
    });
  }

  it('numbers rows of one value alike in the whole column, or in runs only', () => {
    const all = new StringColumn('all');
    const runs = new StringColumn('runs');
    for (const v of ['a', 'a', 'b', 'a']) {
      all.push(v);
      runs.push(v);
    }

    expect([...all.numbers()]).toEqual([0, 0, 1, 0]);
    expect([...runs.numbers()]).toEqual([0, 0, 1, 2]);
    expect([all.distinct, runs.distinct]).toEqual([2, 3]);
  });

  for (const shared of ['all', 'runs'] as const) {
    it(`gives rows in another order to another thread (${shared})`, () => {
      fc.assert(
        fc.property(fc.array(value, { maxLength: 300 }), fc.nat(), (values, seed) => {
          const column = new StringColumn(shared);
          for (const v of values) column.push(v);
          const order = Int32Array.from(values.keys()).sort(
            (a, b) => ((a * seed) % 7) - ((b * seed) % 7),
          );

          const received = new StringColumn(shared, structuredClone(column.dataInOrder(order)));

          const rows = Array.from({ length: received.length }, (_, k) => received.at(k));
          expect(rows).toEqual(Array.from(order, (row) => values[row]));
        }),
      );
    });
  }

  it('gives the strings of runs in the order the rows in another order first use them', () => {
    const column = new StringColumn('runs');
    for (const v of ['a', 'a', 'b', 'c', 'a']) column.push(v);

    const data = column.dataInOrder(Int32Array.of(3, 1, 4, 0, 2));

    expect(data.values).toEqual(['c', 'a', 'a', 'b']);
    expect([...data.of]).toEqual([0, 1, 2, 1, 3]);
  });

  it('keeps numbering a received column where it left off', () => {
    const sent = new StringColumn('all');
    sent.push('a');
    sent.push('b');

    const received = new StringColumn(
      'all',
      structuredClone(sent.dataInOrder(Int32Array.of(0, 1))),
    );
    received.push('b');
    received.push('c');

    expect([...received.numbers()]).toEqual([0, 1, 1, 2]);
  });
});

describe('a string of its own', () => {
  it('is equal to the string copied, whatever its characters and length', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 2000 })), (s) => {
        expect(ownCopy(s)).toBe(s);
      }),
    );
  });
});
