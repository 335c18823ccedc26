import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AllocationSlot, Batch, isLinked, type OrderLine } from '../../src/domain/batch.js';

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

  it('tells which allocations stand, through takes, new allocations and undos in reverse', () => {
    const step = fc.record({ kind: fc.constantFrom('allocate', 'take', 'undo'), pick: fc.nat() });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const batch = new Batch('batch-001', 'RETRO-CLOCK', 1000, null);
        const made: AllocationSlot[] = [];
        const standing = new Set<AllocationSlot>();
        const done: { kind: 'allocate' | 'take'; slot: AllocationSlot }[] = [];
        for (const { kind, pick } of steps) {
          if (kind === 'allocate') {
            const slot = batch.allocate({ orderid: `o${made.length}`, sku: 'RETRO-CLOCK', qty: 1 });
            made.push(slot);
            standing.add(slot);
            done.push({ kind, slot });
          } else if (kind === 'take' && standing.size > 0) {
            const slot = [...standing][pick % standing.size] as AllocationSlot;
            batch.deallocate(slot);
            standing.delete(slot);
            done.push({ kind, slot });
          } else if (kind === 'undo') {
            // As a product's journal undoes: the latest change first.
            const last = done.pop();
            if (last?.kind === 'allocate') batch.deallocate(last.slot);
            if (last?.kind === 'take') batch.reinstate(last.slot);
            if (last) standing[last.kind === 'take' ? 'add' : 'delete'](last.slot);
          }
        }

        expect(made.map(isLinked)).toEqual(made.map((slot) => standing.has(slot)));
        expect([...batch.slots()]).toEqual(made.filter((slot) => standing.has(slot)));
        expect(batch.allocatedQuantity).toBe(standing.size);
      }),
    );
  });
});
