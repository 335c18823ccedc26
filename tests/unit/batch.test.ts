import { describe, expect, it } from 'vitest';
import { Batch, type OrderLine } from '../../src/domain/batch.js';

function makeBatchAndLine(sku: string, batchQty: number, lineQty: number): [Batch, OrderLine] {
  return [
    new Batch('batch-001', sku, batchQty, '2011-01-01'),
    { orderid: 'order-123', sku, qty: lineQty },
  ];
}

describe('Batch', () => {
  it('reduces the available quantity when allocating', () => {
    const [batch, line] = makeBatchAndLine('SMALL-TABLE', 20, 2);

    batch.allocate(line);

    expect(batch.availableQuantity).toBe(18);
  });

  it('can allocate if available is greater than required', () => {
    const [large, small] = makeBatchAndLine('ELEGANT-LAMP', 20, 2);
    expect(large.canAllocate(small)).toBe(true);
  });

  it('cannot allocate if available is smaller than required', () => {
    const [small, large] = makeBatchAndLine('ELEGANT-LAMP', 2, 20);
    expect(small.canAllocate(large)).toBe(false);
  });

  it('can allocate if available is equal to required', () => {
    const [batch, line] = makeBatchAndLine('ELEGANT-LAMP', 2, 2);
    expect(batch.canAllocate(line)).toBe(true);
  });

  it('cannot allocate if skus do not match', () => {
    const batch = new Batch('batch-001', 'UNCOMFORTABLE-CHAIR', 100, null);
    expect(batch.canAllocate({ orderid: 'order-123', sku: 'EXPENSIVE-TOASTER', qty: 10 })).toBe(
      false,
    );
  });

  it('keeps allocations in the order they were made, the latest last', () => {
    const batch = new Batch('b', 'RETRO-CLOCK', 10, null);
    const [, middle, last] = ['o1', 'o2', 'o3'].map((orderid) =>
      batch.allocate({ orderid, sku: 'RETRO-CLOCK', qty: 1 }),
    );

    if (middle) batch.deallocate(middle);

    expect([...batch.allocations()].map((l) => l.orderid)).toEqual(['o1', 'o3']);
    expect(batch.latest()).toBe(last);
    expect(batch.availableQuantity).toBe(8);
  });

  it('puts a removed allocation back in its place', () => {
    const batch = new Batch('b', 'RETRO-CLOCK', 10, null);
    const slots = ['o1', 'o2', 'o3'].map((orderid) =>
      batch.allocate({ orderid, sku: 'RETRO-CLOCK', qty: 1 }),
    );

    for (const slot of [slots[1], slots[2]]) if (slot) batch.deallocate(slot);
    for (const slot of [slots[2], slots[1]]) if (slot) batch.reinstate(slot);

    expect([...batch.allocations()].map((l) => l.orderid)).toEqual(['o1', 'o2', 'o3']);
    expect(batch.allocatedQuantity).toBe(3);
  });
});
