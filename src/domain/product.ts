import { DuplicateAllocation, InvalidValue } from '../errors.js';
import { type AllocationSlot, Batch, type OrderLine } from './batch.js';
import { Journal, type SlotLog } from './journal.js';
import {
  Allocated,
  Deallocated,
  type DeallocationReason,
  type Event,
  OutOfStock,
} from './events.js';
import { Stock } from './stock.js';

/**
 * The aggregate: every batch of one SKU, the consistency boundary for allocation. It holds the
 * rules; its stock (stock.ts) holds the batches and their allocations. Changes are journalled so
 * that a unit of work can `revert()` to the last `checkpoint()`.
 */
export class Product {
  /** Raised since the last commit, oldest first; a unit of work takes them at its commit. */
  readonly events: Event[] = [];
  readonly #stock = new Stock();
  #displaced: { line: OrderLine; batchref: string }[] = [];
  #version: number;
  readonly #journal = new Journal();
  #versionAtCheckpoint: number;
  #batchesAtCheckpoint = 0;
  #eventsAtCheckpoint = 0;

  constructor(
    readonly sku: string,
    versionNumber = 0,
  ) {
    this.#version = versionNumber;
    this.#versionAtCheckpoint = versionNumber;
  }

  get versionNumber(): number {
    return this.#version;
  }

  get batches(): readonly Batch[] {
    return this.#stock.batches;
  }

  batch(ref: string): Batch | undefined {
    return this.#stock.batch(ref);
  }

  /** The batch reference holding this order line, if it is allocated. */
  allocationFor(orderid: string): string | undefined {
    return this.#stock.slotOf(orderid)?.batch?.reference;
  }

  addBatch(ref: string, qty: number, eta: string | null): Batch {
    checkQuantity(qty, 0);
    const batch = new Batch(ref, this.sku, qty, eta);
    this.#stock.addBatch(batch);
    this.#journal.call(() => this.#stock.removeLastBatch());
    this.#version += 1;
    return batch;
  }

  /**
   * Allocates the whole line to the preferred batch that can take it and returns its reference.
   * The same line again is a no-op; a changed qty is an amendment. Out of stock is an event.
   */
  allocate(line: OrderLine): string | undefined {
    this.#checkLine(line);
    const { orderid, sku, qty } = line;
    const current = this.#stock.slotOf(orderid);
    if (current?.qty === qty) return current.batch?.reference;
    if (current) this.#deallocate(current, 'amended');
    const batch = this.#stock.firstFit(qty);
    if (batch === undefined) {
      this.events.push(new OutOfStock(orderid, sku, qty));
      if (current) this.#version += 1;
      return undefined;
    }
    this.#place(batch, line);
    this.events.push(new Allocated(orderid, sku, qty, batch.reference));
    this.#version += 1;
    return batch.reference;
  }

  /** Sets a batch's quantity; what no longer fits is deallocated, latest first. */
  changeBatchQuantity(ref: string, qty: number): void {
    checkQuantity(qty, 0);
    const batch = this.#stock.batch(ref);
    if (batch === undefined) throw new InvalidValue(`Batch ${ref} is not a ${this.sku} batch`);
    const previous = batch.purchasedQuantity;
    this.#stock.setQuantity(batch, qty);
    this.#journal.call(() => this.#stock.setQuantity(batch, previous));
    this.#shrinkToFit(batch);
    this.#version += 1;
  }

  /**
   * Puts back an allocation an earlier run made, without the capacity rule; a line whose batch
   * is gone waits for `reconcile()`. Until then a batch may hold more than it has.
   */
  restore(line: OrderLine, batchref: string): void {
    this.#checkLine(line);
    if (this.#stock.slotOf(line.orderid)) {
      throw new DuplicateAllocation(line.orderid, line.sku);
    }
    const batch = this.#stock.batch(batchref);
    if (batch) {
      this.#place(batch, line);
    } else {
      this.#displaced.push({ line, batchref });
      this.#journal.call(() => this.#displaced.pop());
    }
    this.#version += 1;
  }

  /** Deallocates, latest first, what no batch can hold any more; the bus reallocates it. */
  reconcile(): void {
    const before = this.events.length;
    for (const batch of this.#stock.batches) this.#shrinkToFit(batch);
    const displaced = this.#displaced;
    this.#displaced = [];
    this.#journal.call(() => {
      this.#displaced = displaced;
    });
    for (const { line, batchref } of displaced) {
      const { orderid, sku, qty } = line;
      this.events.push(new Deallocated(orderid, sku, qty, batchref, 'batch-gone'));
    }
    if (this.events.length > before) this.#version += 1;
  }

  /**
   * Appends the allocations made since the last checkpoint to `log`, oldest first, once: a unit
   * of work keeps them, in commit order, as the order allocations were made across products.
   */
  movePlaced(log: SlotLog): void {
    this.#journal.movePlaced(log);
  }

  /** The batches added since the last checkpoint. */
  newBatches(): readonly Batch[] {
    const { batches } = this.#stock;
    const count = this.#batchesAtCheckpoint;
    return count === batches.length ? NONE : batches.slice(count);
  }

  /** Forgets the journal: what was done since the last checkpoint stays. */
  checkpoint(): void {
    this.#journal.clear();
    this.#batchesAtCheckpoint = this.#stock.batches.length;
    this.#versionAtCheckpoint = this.#version;
    this.#eventsAtCheckpoint = this.events.length;
  }

  /** Undoes everything since the last checkpoint, events included. */
  revert(): void {
    this.#journal.undo(this.#stock);
    this.#version = this.#versionAtCheckpoint;
    this.events.length = Math.min(this.events.length, this.#eventsAtCheckpoint);
  }

  #shrinkToFit(batch: Batch): void {
    for (let slot = batch.latest(); slot && batch.availableQuantity < 0; slot = batch.latest()) {
      this.#deallocate(slot, 'over-allocated');
    }
  }

  #place(batch: Batch, line: OrderLine): void {
    this.#journal.placed(this.#stock.place(batch, line));
  }

  #deallocate(slot: AllocationSlot, reason: DeallocationReason): void {
    this.#stock.unplace(slot);
    this.#journal.taken(slot);
    const { orderid, qty } = slot;
    const batchref = (slot.batch as Batch).reference;
    this.events.push(new Deallocated(orderid, this.sku, qty, batchref, reason));
  }

  #checkLine(line: OrderLine): void {
    if (line.sku !== this.sku)
      throw new InvalidValue(`Line ${line.orderid} is not for ${this.sku}`);
    checkQuantity(line.qty, 1);
  }
}

const NONE: readonly Batch[] = Object.freeze([]);

function checkQuantity(qty: number, min: number): void {
  if (!Number.isSafeInteger(qty) || qty < min) {
    throw new InvalidValue(`Quantity ${qty} is not a whole number of at least ${min}`);
  }
}
