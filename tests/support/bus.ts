import { InMemoryUnitOfWork } from '../../src/adapters/in-memory-unit-of-work.js';
import { bootstrap } from '../../src/bootstrap.js';
import { Allocate, type Command, RestoreAllocation } from '../../src/domain/commands.js';
import type { Event } from '../../src/domain/events.js';

/** A bus wired to an in-memory unit of work, remembering what was published and logged. */
export function testBus(uow = new InMemoryUnitOfWork()) {
  const published: Event[] = [];
  const logged: unknown[] = [];
  const bus = bootstrap({
    uow,
    publish: (event) => published.push(event),
    logError: (_message, error) => logged.push(error),
  });
  return { bus, uow, published, logged };
}

export const createBatch = (
  ref: string,
  sku: string,
  qty: number,
  eta: string | null = null,
): Command => ({
  type: 'CreateBatch',
  ref,
  sku,
  qty,
  eta,
});

export const allocate = (orderid: string, sku: string, qty: number): Command =>
  new Allocate(orderid, sku, qty);

export const changeBatchQuantity = (ref: string, qty: number): Command => ({
  type: 'ChangeBatchQuantity',
  ref,
  qty,
});

export const restore = (orderid: string, sku: string, qty: number, batchref: string): Command =>
  new RestoreAllocation(orderid, sku, qty, batchref);

export const reconcile = (sku: string): Command => ({ type: 'Reconcile', sku });
