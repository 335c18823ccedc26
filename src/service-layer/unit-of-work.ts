import type { Event } from '../domain/events.js';
import type { Product } from '../domain/product.js';

/** Products by SKU: the only way handlers reach the aggregate (the book's repository.py). */
export interface ProductRepository {
  add(product: Product): void;
  get(sku: string): Product | undefined;
  getByBatchref(ref: string): Product | undefined;
}

/**
 * One atomic operation over the repositories (the book's unit_of_work.py). Nothing a handler
 * changed is kept without `commit()`; `rollback()` after `commit()` changes nothing.
 */
export interface UnitOfWork {
  readonly products: ProductRepository;
  commit(): void;
  rollback(): void;
  /**
   * The oldest event of committed changes not yet handed out, or undefined: the book's
   * `collect_new_events` generator, one event at a time.
   */
  nextEvent(): Event | undefined;
}

/** Runs `work` as one unit: what it did not commit is rolled back, also when it throws. */
export function inTransaction<T>(uow: UnitOfWork, work: () => T): T {
  try {
    return work();
  } finally {
    uow.rollback();
  }
}
