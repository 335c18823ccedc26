import type { Event } from '../domain/events.js';
import type { UnitOfWork } from '../service-layer/unit-of-work.js';
import { InMemoryProductRepository } from './in-memory-repository.js';

const NO_EVENTS: Event[] = Object.freeze([]) as unknown as Event[];

/** The unit of work the handler tests use: commits and rollbacks are real, storage is memory. */
export class InMemoryUnitOfWork implements UnitOfWork {
  committed = 0;
  #events: Event[] = NO_EVENTS;

  constructor(readonly products = new InMemoryProductRepository()) {}

  commit(): void {
    this.#events = this.products.commitSeen(this.#events);
    this.committed += 1;
  }

  rollback(): void {
    this.products.rollbackSeen();
  }

  collectNewEvents(): Event[] {
    if (this.#events.length === 0) return NO_EVENTS;
    const events = this.#events;
    this.#events = NO_EVENTS;
    return events;
  }
}
