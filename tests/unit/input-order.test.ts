import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  byPosition,
  InInputOrder,
  inPositionOrder,
  ranksByPosition,
} from '../../src/adapters/input-order.js';

describe('input order', () => {
  it('sorts by position, keeping equal positions in the order they came', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { maxLength: 200 }), (positions) => {
        const expected = positions.map((p, i) => [p, i]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));

        expect(Array.from(byPosition(positions))).toEqual(expected.map(([, i]) => i));
      }),
    );
  });

  it('ranks each index where the sort puts it', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { maxLength: 200 }), (positions) => {
        const order = byPosition(positions);

        const ranks = ranksByPosition(positions);

        order.forEach((index, rank) => expect(ranks[index]).toBe(rank));
        expect(new Set(ranks).size).toBe(positions.length);
      }),
    );
  });

  it('gives items back by the position they came from', () => {
    const kept = new InInputOrder<string>();

    for (const [item, position] of [
      ['LAMP-late', 7],
      ['CLOCK', 2],
      ['LAMP-later', 7],
      ['RUG', 0],
    ] as const)
      kept.push(item, position);

    expect(kept.items()).toEqual(['RUG', 'CLOCK', 'LAMP-late', 'LAMP-later']);
  });

  it('shows the items as they came, with their positions, for a pass in that order', () => {
    const kept = new InInputOrder<string>();
    kept.push('LAMP', 7);
    kept.push('CLOCK', 2);

    const { items, positions } = kept.arrivals();

    expect(items).toEqual(['LAMP', 'CLOCK']);
    expect(positions).toEqual([7, 2]);
    expect(inPositionOrder(items, positions)).toEqual(['CLOCK', 'LAMP']);
  });
});
