import { describe, expect, it } from 'vitest';
import { DuplicateBatch, InvalidSku, UnknownBatch } from '../../src/errors.js';
import { allocate, changeBatchQuantity, createBatch, testBus } from '../support/bus.js';

describe('adding batches', () => {
  it('creates a product for a new sku', () => {
    const { bus, uow } = testBus();

    bus.handle(createBatch('b1', 'CRUNCHY-ARMCHAIR', 100));

    expect(uow.products.get('CRUNCHY-ARMCHAIR')).toBeDefined();
    expect(uow.committed).toBe(1);
  });

  it('adds batches to an existing product', () => {
    const { bus, uow } = testBus();

    bus.handle(createBatch('b1', 'GARISH-RUG', 100));
    bus.handle(createBatch('b2', 'GARISH-RUG', 99));

    expect(uow.products.get('GARISH-RUG')?.batches.map((b) => b.reference)).toEqual(['b1', 'b2']);
  });

  it('ignores the same batch sent twice', () => {
    const { bus, uow } = testBus();

    bus.handle(createBatch('b1', 'GARISH-RUG', 100, '2026-12-01'));
    bus.handle(createBatch('b1', 'GARISH-RUG', 100, '2026-12-01'));

    expect(uow.products.get('GARISH-RUG')?.batches).toHaveLength(1);
  });

  it('refuses a batch ref that exists with other data', () => {
    const { bus } = testBus();
    bus.handle(createBatch('b1', 'GARISH-RUG', 100));

    expect(() => bus.handle(createBatch('b1', 'OTHER-RUG', 100))).toThrow(DuplicateBatch);
  });
});

describe('allocating', () => {
  it('allocates to a batch and returns its ref', () => {
    const { bus, uow } = testBus();
    bus.handle(createBatch('batch1', 'COMPLICATED-LAMP', 100));

    const ref = bus.handle(allocate('o1', 'COMPLICATED-LAMP', 10));

    expect(ref).toBe('batch1');
    expect(uow.products.get('COMPLICATED-LAMP')?.batch('batch1')?.availableQuantity).toBe(90);
  });

  it('prefers warehouse stock, then the earliest eta', () => {
    const { bus } = testBus();
    bus.handle(createBatch('later', 'RETRO-CLOCK', 10, '2026-12-10'));
    bus.handle(createBatch('sooner', 'RETRO-CLOCK', 10, '2026-12-01'));
    bus.handle(createBatch('warehouse', 'RETRO-CLOCK', 1));

    expect(bus.handle(allocate('o1', 'RETRO-CLOCK', 1))).toBe('warehouse');
    expect(bus.handle(allocate('o2', 'RETRO-CLOCK', 1))).toBe('sooner');
  });

  it('breaks ties by the order batches were added', () => {
    const { bus } = testBus();
    bus.handle(createBatch('first', 'RETRO-CLOCK', 10, '2026-12-01'));
    bus.handle(createBatch('second', 'RETRO-CLOCK', 10, '2026-12-01'));

    expect(bus.handle(allocate('o1', 'RETRO-CLOCK', 10))).toBe('first');
    expect(bus.handle(allocate('o2', 'RETRO-CLOCK', 10))).toBe('second');
  });

  it('raises a typed error for an invalid sku', () => {
    const { bus } = testBus();
    bus.handle(createBatch('b1', 'AREALSKU', 100));

    expect(() => bus.handle(allocate('o1', 'NONEXISTENTSKU', 10))).toThrow(InvalidSku);
  });

  it('publishes an out of stock event and commits nothing else', () => {
    const { bus, published } = testBus();
    bus.handle(createBatch('b1', 'POPULAR-CURTAINS', 9));

    const ref = bus.handle(allocate('o1', 'POPULAR-CURTAINS', 10));

    expect(ref).toBeUndefined();
    expect(published).toEqual([
      { type: 'OutOfStock', orderid: 'o1', sku: 'POPULAR-CURTAINS', qty: 10 },
    ]);
  });

  it('leaves a line that is allocated again with the same qty as it is', () => {
    const { bus, published, uow } = testBus();
    bus.handle(createBatch('b1', 'RETRO-CLOCK', 10));
    bus.handle(allocate('o1', 'RETRO-CLOCK', 3));

    bus.handle(allocate('o1', 'RETRO-CLOCK', 3));

    expect(published).toHaveLength(1);
    expect(uow.products.get('RETRO-CLOCK')?.batch('b1')?.availableQuantity).toBe(7);
  });

  it('treats a changed qty as an amendment: deallocate, then allocate the new qty', () => {
    const { bus, published, uow } = testBus();
    bus.handle(createBatch('small', 'RETRO-CLOCK', 5));
    bus.handle(createBatch('big', 'RETRO-CLOCK', 50, '2026-12-01'));
    bus.handle(allocate('o1', 'RETRO-CLOCK', 3));

    const ref = bus.handle(allocate('o1', 'RETRO-CLOCK', 8));

    expect(ref).toBe('big');
    expect(published.slice(1).map((e) => e.type)).toEqual(['Deallocated', 'Allocated']);
    expect(uow.products.get('RETRO-CLOCK')?.batch('small')?.availableQuantity).toBe(5);
  });

  it('does not bring back the old qty when an amendment runs out of stock', () => {
    const { bus, uow } = testBus();
    bus.handle(createBatch('b1', 'RETRO-CLOCK', 5));
    bus.handle(allocate('o1', 'RETRO-CLOCK', 3));

    const ref = bus.handle(allocate('o1', 'RETRO-CLOCK', 8));

    expect(ref).toBeUndefined();
    expect(uow.products.get('RETRO-CLOCK')?.allocationFor('o1')).toBeUndefined();
  });
});

describe('changing batch quantities', () => {
  it('changes the available quantity', () => {
    const { bus, uow } = testBus();
    bus.handle(createBatch('batch1', 'ADORABLE-SETTEE', 100));

    bus.handle(changeBatchQuantity('batch1', 50));

    expect(uow.products.get('ADORABLE-SETTEE')?.batch('batch1')?.availableQuantity).toBe(50);
  });

  it('reallocates if necessary, latest allocation first', () => {
    const { bus, uow } = testBus();
    bus.handle(createBatch('batch1', 'INDIFFERENT-TABLE', 50));
    bus.handle(createBatch('batch2', 'INDIFFERENT-TABLE', 50, '2026-12-01'));
    bus.handle(allocate('order1', 'INDIFFERENT-TABLE', 20));
    bus.handle(allocate('order2', 'INDIFFERENT-TABLE', 20));

    bus.handle(changeBatchQuantity('batch1', 25));

    const product = uow.products.get('INDIFFERENT-TABLE');
    expect(product?.allocationFor('order1')).toBe('batch1');
    expect(product?.allocationFor('order2')).toBe('batch2');
    expect(product?.batch('batch2')?.availableQuantity).toBe(30);
  });

  it('reports a line it cannot move anywhere as out of stock', () => {
    const { bus, published } = testBus();
    bus.handle(createBatch('batch1', 'INDIFFERENT-TABLE', 50));
    bus.handle(allocate('order1', 'INDIFFERENT-TABLE', 20));

    bus.handle(changeBatchQuantity('batch1', 10));

    expect(published.slice(1).map((e) => e.type)).toEqual(['Deallocated', 'OutOfStock']);
  });

  it('raises a typed error for an unknown batch', () => {
    const { bus } = testBus();

    expect(() => bus.handle(changeBatchQuantity('nope', 10))).toThrow(UnknownBatch);
  });
});
