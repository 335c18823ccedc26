import { describe, expect, it } from 'vitest';
import { createBatch, reconcile, restore, testBus } from '../support/bus.js';

describe('restoring earlier allocations', () => {
  it('puts lines back on their batch and keeps them there when they fit', () => {
    const { bus, uow, published } = testBus();
    bus.handle(createBatch('later', 'RETRO-CLOCK', 10, '2026-12-01'));
    bus.handle(createBatch('warehouse', 'RETRO-CLOCK', 10));

    bus.handle(restore('o1', 'RETRO-CLOCK', 4, 'later'));
    bus.handle(reconcile('RETRO-CLOCK'));

    expect(uow.products.get('RETRO-CLOCK')?.allocationFor('o1')).toBe('later');
    expect(published).toEqual([]);
  });

  it('moves the latest rows off a batch that shrank, until it fits, then reallocates them', () => {
    const { bus, uow } = testBus();
    bus.handle(createBatch('b1', 'RETRO-CLOCK', 50));
    bus.handle(createBatch('b2', 'RETRO-CLOCK', 100, '2026-12-01'));
    for (const [orderid, qty] of [
      ['r1', 30],
      ['r2', 30],
      ['r3', 10],
    ] as const) {
      bus.handle(restore(orderid, 'RETRO-CLOCK', qty, 'b1'));
    }

    bus.handle(reconcile('RETRO-CLOCK'));

    const product = uow.products.get('RETRO-CLOCK');
    // r3 then r2 leave b1 (70 > 50, then 60 > 50); r3 fits in the 20 now free, r2 does not.
    expect(['r1', 'r2', 'r3'].map((o) => product?.allocationFor(o))).toEqual(['b1', 'b2', 'b1']);
  });

  it('reallocates a line whose batch is gone', () => {
    const { bus, uow, published } = testBus();
    bus.handle(createBatch('b2', 'RETRO-CLOCK', 100));
    bus.handle(restore('o1', 'RETRO-CLOCK', 5, 'b1'));

    bus.handle(reconcile('RETRO-CLOCK'));

    expect(uow.products.get('RETRO-CLOCK')?.allocationFor('o1')).toBe('b2');
    expect(published.map((e) => e.type)).toEqual(['Deallocated', 'Allocated']);
  });

  it('raises a typed error for a line whose sku has no batches', () => {
    const { bus } = testBus();

    expect(() => bus.handle(restore('o1', 'GONE-SKU', 5, 'b1'))).toThrow('Invalid sku GONE-SKU');
  });
});
