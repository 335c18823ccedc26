import { describe, expect, it } from 'vitest';
import { Product } from '../../src/domain/product.js';

const TODAY = '2026-11-22';
const TOMORROW = '2026-11-23';
const LATER = '2026-12-01';

describe('Product', () => {
  it('prefers warehouse batches to shipments', () => {
    const product = new Product('RETRO-CLOCK');
    product.addBatch('shipment-batch', 100, TOMORROW);
    product.addBatch('in-stock-batch', 100, null);

    product.allocate({ orderid: 'oref', sku: 'RETRO-CLOCK', qty: 10 });

    expect(product.batch('in-stock-batch')?.availableQuantity).toBe(90);
    expect(product.batch('shipment-batch')?.availableQuantity).toBe(100);
  });

  it('prefers earlier batches', () => {
    const product = new Product('MINIMALIST-SPOON');
    product.addBatch('slow', 100, LATER);
    product.addBatch('medium', 100, TOMORROW);
    product.addBatch('speedy', 100, TODAY);

    product.allocate({ orderid: 'order1', sku: 'MINIMALIST-SPOON', qty: 10 });

    expect(product.batch('speedy')?.availableQuantity).toBe(90);
    expect(product.batch('medium')?.availableQuantity).toBe(100);
    expect(product.batch('slow')?.availableQuantity).toBe(100);
  });

  it('returns the allocated batch ref', () => {
    const product = new Product('HIGHBROW-POSTER');
    product.addBatch('shipment-batch-ref', 100, TOMORROW);
    product.addBatch('in-stock-batch-ref', 100, null);

    const ref = product.allocate({ orderid: 'oref', sku: 'HIGHBROW-POSTER', qty: 10 });

    expect(ref).toBe('in-stock-batch-ref');
  });

  it('records an out of stock event if it cannot allocate', () => {
    const product = new Product('SMALL-FORK');
    product.addBatch('batch1', 10, TODAY);
    product.allocate({ orderid: 'order1', sku: 'SMALL-FORK', qty: 10 });

    const ref = product.allocate({ orderid: 'order2', sku: 'SMALL-FORK', qty: 1 });

    expect(ref).toBeUndefined();
    expect(product.events.at(-1)).toEqual({
      type: 'OutOfStock',
      orderid: 'order2',
      sku: 'SMALL-FORK',
      qty: 1,
    });
  });

  it('increments the version number on every change', () => {
    const product = new Product('SCANDI-PEN', 7);
    product.addBatch('b1', 100, null);

    product.allocate({ orderid: 'oref', sku: 'SCANDI-PEN', qty: 10 });

    expect(product.versionNumber).toBe(9);
  });

  it('never splits a line across batches', () => {
    const product = new Product('OMINOUS-MIRROR');
    product.addBatch('b1', 5, null);
    product.addBatch('b2', 5, TODAY);

    const ref = product.allocate({ orderid: 'o', sku: 'OMINOUS-MIRROR', qty: 8 });

    expect(ref).toBeUndefined();
    expect(product.batch('b1')?.availableQuantity).toBe(5);
  });

  it('goes to a later batch when the preferred one cannot take the whole line', () => {
    const product = new Product('OMINOUS-MIRROR');
    product.addBatch('small', 5, null);
    product.addBatch('big', 50, TODAY);

    expect(product.allocate({ orderid: 'o', sku: 'OMINOUS-MIRROR', qty: 8 })).toBe('big');
  });

  it('allocates the same line only once', () => {
    const product = new Product('ANGULAR-DESK');
    product.addBatch('b1', 20, null);

    product.allocate({ orderid: 'o1', sku: 'ANGULAR-DESK', qty: 2 });
    product.allocate({ orderid: 'o1', sku: 'ANGULAR-DESK', qty: 2 });

    expect(product.batch('b1')?.availableQuantity).toBe(18);
    expect(product.events).toHaveLength(1);
  });

  it('rejects a line for another sku', () => {
    const product = new Product('RETRO-CLOCK');
    expect(() => product.allocate({ orderid: 'o', sku: 'OTHER', qty: 1 })).toThrow(/not for/);
  });

  it('reverts to its last checkpoint, allocation order included', () => {
    const product = new Product('VELVET-SOFA');
    product.addBatch('b1', 10, null);
    product.allocate({ orderid: 'o1', sku: 'VELVET-SOFA', qty: 4 });
    product.allocate({ orderid: 'o2', sku: 'VELVET-SOFA', qty: 4 });
    product.checkpoint();

    product.changeBatchQuantity('b1', 2);
    product.allocate({ orderid: 'o3', sku: 'VELVET-SOFA', qty: 1 });
    product.revert();

    const batch = product.batch('b1');
    expect([...(batch?.allocations() ?? [])].map((l) => l.orderid)).toEqual(['o1', 'o2']);
    expect(batch?.availableQuantity).toBe(2);
    expect(product.events).toHaveLength(2);
    expect(product.versionNumber).toBe(3);
  });
});
