import type { Batch } from '../domain/batch.js';
import type { Event } from '../domain/events.js';
import type { Product } from '../domain/product.js';
import type { ProductRepository } from '../service-layer/unit-of-work.js';
import type { EventQueue } from './event-queue.js';
import { PlacedLog } from './placed-log.js';

/**
 * Products held in memory, tracking those a unit of work has touched (the book's
 * TrackingRepository) so that they can be committed (checkpointed) or rolled back (reverted).
 */
export class InMemoryProductRepository implements ProductRepository {
  readonly #products = new Map<string, Product>();
  readonly #byRef = new Map<string, Product>();
  /** The first `#seenCount` are the products touched since the last commit or rollback. */
  readonly #seen: Product[] = [];
  #seenCount = 0;
  readonly #added: Product[] = [];
  readonly #placed: PlacedLog;

  /** `placed` is the log of allocations to keep; a test may give one that settles sooner. */
  constructor(placed = new PlacedLog()) {
    this.#placed = placed;
  }

  add(product: Product): void {
    this.#products.set(product.sku, product);
    this.#see(product);
    this.#added.push(product);
  }

  get(sku: string): Product | undefined {
    const product = this.#products.get(sku);
    if (product) this.#see(product);
    return product;
  }

  getByBatchref(ref: string): Product | undefined {
    for (let i = 0; i < this.#seenCount; i++) {
      const product = this.#seen[i] as Product;
      if (product.batch(ref)) return product;
    }
    const product = this.#byRef.get(ref);
    if (product) this.#see(product);
    return product;
  }

  /** A product, without tracking it: for reading committed state. */
  peek(sku: string): Product | undefined {
    return this.#products.get(sku);
  }

  /**
   * Every allocation committed, in the order made; some of those taken back since may still be
   * listed, no longer linked (see placed-log.ts).
   */
  placed(): PlacedLog {
    return this.#placed;
  }

  /** Every product, in the order they were first added. */
  all(): IterableIterator<Product> {
    return this.#products.values();
  }

  /** Keeps what the touched products did, and moves their new events to `events`. */
  commitSeen(events: EventQueue): void {
    for (let i = 0; i < this.#seenCount; i++) {
      const product = this.#seen[i] as Product;
      // Loops by index here and in rollbackSeen: `for...of` made an iterator on every commit,
      // which V8 did not optimise away (90 MB of garbage in a million-line run).
      const added = product.newBatches();
      for (let b = 0; b < added.length; b++) {
        this.#byRef.set((added[b] as Batch).reference, product);
      }
      product.movePlaced(this.#placed);
      if (product.events.length > 0) moveEvents(product.events, events);
      product.checkpoint();
    }
    this.#placed.settle();
    this.#forget();
  }

  /** Undoes what the touched products did since the last commit, and forgets new products. */
  rollbackSeen(): void {
    for (let i = 0; i < this.#seenCount; i++) (this.#seen[i] as Product).revert();
    for (let i = 0; i < this.#added.length; i++) {
      this.#products.delete((this.#added[i] as Product).sku);
    }
    this.#forget();
  }

  /** The list of touched products is kept and overwritten: a run commits a million times. */
  #forget(): void {
    this.#seenCount = 0;
    if (this.#added.length > 0) this.#added.length = 0;
  }

  /** A command touches one product or a few: a short list beats a set. */
  #see(product: Product): void {
    for (let i = 0; i < this.#seenCount; i++) if (this.#seen[i] === product) return;
    this.#seen[this.#seenCount++] = product;
  }
}

/**
 * Empties a product's list of events into the queue. By `pop`: `length = 0` gave the list's room
 * back, to be made again at the next event (a tenth of a microsecond each, a million times).
 */
function moveEvents(from: Event[], to: EventQueue): void {
  for (let e = 0; e < from.length; e++) to.add(from[e] as Event);
  while (from.length > 0) from.pop();
}
