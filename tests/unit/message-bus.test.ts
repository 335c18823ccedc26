import { describe, expect, it } from 'vitest';
import { InMemoryUnitOfWork } from '../../src/adapters/in-memory-unit-of-work.js';
import type { Allocate } from '../../src/domain/commands.js';
import { Product } from '../../src/domain/product.js';
import { COMMAND_HANDLERS, reallocate } from '../../src/service-layer/handlers.js';
import { MessageBus } from '../../src/service-layer/message-bus.js';
import { inTransaction } from '../../src/service-layer/unit-of-work.js';
import { allocate, changeBatchQuantity, createBatch, restore, testBus } from '../support/bus.js';

function busWithFailingAllocate() {
  const uow = new InMemoryUnitOfWork();
  const failAfterAllocating = (command: Allocate) =>
    inTransaction(uow, () => {
      uow.products.get(command.sku)?.allocate(command);
      throw new Error('disk on fire');
    });
  const handlers = { ...COMMAND_HANDLERS, Allocate: failAfterAllocating };
  const noEvents = { Allocated: [], Deallocated: [], OutOfStock: [] };
  return { uow, bus: new MessageBus(uow, handlers, noEvents, () => {}) };
}

describe('the unit of work', () => {
  it('rolls back a failing command and raises its error to the caller', () => {
    const { bus, uow } = busWithFailingAllocate();
    bus.handle(createBatch('b1', 'SHINY-KETTLE', 10));

    expect(() => bus.handle(allocate('o1', 'SHINY-KETTLE', 4))).toThrow('disk on fire');

    const product = uow.products.get('SHINY-KETTLE');
    expect(product?.batch('b1')?.availableQuantity).toBe(10);
    expect(product?.events).toEqual([]);
    expect(product?.versionNumber).toBe(1);
  });

  it('lists only committed allocations as placed, never rolled-back ones', () => {
    const { bus, uow } = busWithFailingAllocate();
    bus.handle(createBatch('b1', 'SHINY-KETTLE', 10));
    expect(() => bus.handle(allocate('o1', 'SHINY-KETTLE', 4))).toThrow('disk on fire');

    bus.handle(restore('o2', 'SHINY-KETTLE', 3, 'b1'));

    expect([...uow.products.placed()].map((slot) => slot.orderid)).toEqual(['o2']);
  });

  it('forgets a product created by a command that did not commit', () => {
    const { uow } = testBus();

    inTransaction(uow, () => uow.products.add(new Product('SHINY-KETTLE')));

    expect([...uow.products.all()]).toEqual([]);
  });

  it('keeps committed work when rolled back afterwards', () => {
    const { bus, uow } = testBus();
    bus.handle(createBatch('b1', 'SHINY-KETTLE', 10));

    uow.rollback();

    expect(uow.products.get('SHINY-KETTLE')?.batches).toHaveLength(1);
  });
});

describe('the message bus', () => {
  it('logs a failing event handler and goes on with the others', () => {
    const uow = new InMemoryUnitOfWork();
    const seen: string[] = [];
    const logged: unknown[] = [];
    const handlers = {
      Allocated: [
        () => {
          throw new Error('mail server down');
        },
        () => void seen.push('second handler ran'),
      ],
      Deallocated: [reallocate],
      OutOfStock: [],
    };
    const bus = new MessageBus(uow, COMMAND_HANDLERS, handlers, (_m, e) => logged.push(e));
    bus.handle(createBatch('b1', 'SHINY-KETTLE', 10));

    const ref = bus.handle(allocate('o1', 'SHINY-KETTLE', 1));

    expect(ref).toBe('b1');
    expect(seen).toEqual(['second handler ran']);
    expect(logged).toHaveLength(1);
  });

  it("handles the events an event's handlers raise after those already waiting", () => {
    const { bus, published } = testBus();
    bus.handle(createBatch('b1', 'SHINY-KETTLE', 10));
    bus.handle(createBatch('b2', 'SHINY-KETTLE', 10, '2026-12-01'));
    bus.handle(allocate('o1', 'SHINY-KETTLE', 3));
    bus.handle(allocate('o2', 'SHINY-KETTLE', 3));
    published.length = 0;

    bus.handle(changeBatchQuantity('b1', 0));

    // Both lines leave b1, latest first; each Deallocated's handler reallocates one to b2.
    expect(published.map((e) => `${e.type} ${e.orderid}`)).toEqual([
      ...['Deallocated o2', 'Deallocated o1'],
      ...['Allocated o2', 'Allocated o1'],
    ]);
  });
});
