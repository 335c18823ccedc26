import {
  Allocate,
  type ChangeBatchQuantity,
  type Command,
  type CreateBatch,
  type Reconcile,
  type RestoreAllocation,
} from '../domain/commands.js';
import type { Deallocated, Event } from '../domain/events.js';
import { Product } from '../domain/product.js';
import { DuplicateBatch, InvalidSku, UnknownBatch } from '../errors.js';
import { inTransaction, type UnitOfWork } from './unit-of-work.js';

/** Adds a batch; the same batch again is a no-op, the same ref with other data an error. */
export function addBatch(command: CreateBatch, uow: UnitOfWork): void {
  inTransaction(uow, () => {
    const existing = uow.products.getByBatchref(command.ref)?.batch(command.ref);
    if (existing) {
      const same =
        existing.sku === command.sku &&
        existing.purchasedQuantity === command.qty &&
        existing.eta === command.eta;
      if (same) return;
      throw new DuplicateBatch(command.ref);
    }
    let product = uow.products.get(command.sku);
    if (product === undefined) {
      product = new Product(command.sku);
      uow.products.add(product);
    }
    product.addBatch(command.ref, command.qty, command.eta);
    uow.commit();
  });
}

/** Allocates a line and returns the batch reference, or undefined when out of stock. */
export function allocate(command: Allocate, uow: UnitOfWork): string | undefined {
  return inTransaction(uow, () => {
    const product = uow.products.get(command.sku);
    if (product === undefined) throw new InvalidSku(command.sku);
    const batchref = product.allocate(command);
    uow.commit();
    return batchref;
  });
}

export function changeBatchQuantity(command: ChangeBatchQuantity, uow: UnitOfWork): void {
  inTransaction(uow, () => {
    const product = uow.products.getByBatchref(command.ref);
    if (product === undefined) throw new UnknownBatch(command.ref);
    product.changeBatchQuantity(command.ref, command.qty);
    uow.commit();
  });
}

export function restoreAllocation(command: RestoreAllocation, uow: UnitOfWork): void {
  inTransaction(uow, () => {
    const product = uow.products.get(command.sku);
    if (product === undefined) throw new InvalidSku(command.sku);
    product.restore(command, command.batchref);
    uow.commit();
  });
}

export function reconcile(command: Reconcile, uow: UnitOfWork): void {
  inTransaction(uow, () => {
    const product = uow.products.get(command.sku);
    if (product === undefined) throw new InvalidSku(command.sku);
    product.reconcile();
    uow.commit();
  });
}

/** A line taken back from its batch goes through the allocation rule again; amendments do not. */
export function reallocate(event: Deallocated, uow: UnitOfWork): void {
  if (event.reason === 'amended') return;
  allocate(new Allocate(event.orderid, event.sku, event.qty), uow);
}

export type CommandHandlers = {
  [K in Command['type']]: (command: Extract<Command, { type: K }>, uow: UnitOfWork) => unknown;
};

export type EventHandlers = {
  [K in Event['type']]: ((event: Extract<Event, { type: K }>, uow: UnitOfWork) => void)[];
};

export const COMMAND_HANDLERS: CommandHandlers = {
  Allocate: allocate,
  CreateBatch: addBatch,
  ChangeBatchQuantity: changeBatchQuantity,
  RestoreAllocation: restoreAllocation,
  Reconcile: reconcile,
};
