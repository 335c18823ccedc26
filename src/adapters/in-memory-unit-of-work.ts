import type { Event } from '../domain/events.js';
import type { UnitOfWork } from '../service-layer/unit-of-work.js';
import { EventQueue } from './event-queue.js';
import { InMemoryProductRepository } from './in-memory-repository.js';

/** The unit of work the handler tests use: commits and rollbacks are real, storage is memory. */
export class InMemoryUnitOfWork implements UnitOfWork {
  committed = 0;
  readonly #events = new EventQueue();

  constructor(readonly products = new InMemoryProductRepository()) {}

  commit(): void {
    this.products.commitSeen(this.#events);
    this.committed += 1;
  }

  rollback(): void {
    this.products.rollbackSeen();
  }

  nextEvent(): Event | undefined {
    return this.#events.next();
  }
}
