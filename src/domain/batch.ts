/** Order lines and batches: the book's model.py, with quantities kept incrementally. */

/** A value object: one SKU and quantity of one customer order, identified by (orderid, sku). */
export interface OrderLine {
  readonly orderid: string;
  readonly sku: string;
  readonly qty: number;
}

/**
 * One allocation: a line in a batch, linked to its neighbours in the order allocations were
 * made. An unlinked slot keeps its neighbours, so that undoing removals in reverse order puts
 * every slot back in its place (Knuth's dancing links). It keeps the line's orderid and qty
 * itself (its sku is its batch's): a million allocations hold no other object each.
 */
export interface AllocationSlot {
  prev: AllocationSlot;
  next: AllocationSlot;
  readonly orderid: string;
  readonly qty: number;
  readonly batch: Batch | undefined;
}

/**
 * A slot between `prev` and `next`, not yet linked in. It is an object literal rather than an
 * instance of a class: V8 sees that nearly every object made at this literal outlives the young
 * generation and makes the later ones in the old generation at once, where instances of a class
 * are first copied twice by the young generation's collector.
 */
function slotBetween(
  prev: AllocationSlot,
  next: AllocationSlot,
  orderid: string,
  qty: number,
  batch: Batch | undefined,
): AllocationSlot {
  return { prev, next, orderid, qty, batch };
}

/**
 * Whether the allocation stands: false once taken out of its batch, whose ring then goes round
 * it. Read off the ring, not kept: a million slots are 8 MB smaller without a flag.
 */
export function isLinked(slot: AllocationSlot): boolean {
  return slot.prev.next === slot;
}

/**
 * An entity: stock of one SKU, in the warehouse (`eta` null) or arriving on `eta`. Its
 * allocations form a ring, oldest first, so the latest is found in O(1). The product that owns
 * the batch decides what goes in; the batch keeps the order and the quantities.
 */
export class Batch {
  /** Position in its product's preference order; kept by the product's ranking. */
  rank = -1;
  #allocated = 0;
  readonly #ring = emptyRing();

  constructor(
    readonly reference: string,
    readonly sku: string,
    public purchasedQuantity: number,
    readonly eta: string | null,
  ) {}

  get allocatedQuantity(): number {
    return this.#allocated;
  }

  get availableQuantity(): number {
    return this.purchasedQuantity - this.#allocated;
  }

  canAllocate(line: OrderLine): boolean {
    return this.sku === line.sku && this.availableQuantity >= line.qty;
  }

  /** Appends a new allocation of `line` and returns its slot. Capacity is the product's rule. */
  allocate(line: OrderLine): AllocationSlot {
    const slot = slotBetween(this.#ring.prev, this.#ring, line.orderid, line.qty, this);
    this.reinstate(slot);
    return slot;
  }

  /** Takes an allocation out; the slot remembers where it was. */
  deallocate(slot: AllocationSlot): void {
    slot.prev.next = slot.next;
    slot.next.prev = slot.prev;
    this.#allocated -= slot.qty;
  }

  /** Puts a slot back where it was taken out. */
  reinstate(slot: AllocationSlot): void {
    slot.prev.next = slot;
    slot.next.prev = slot;
    this.#allocated += slot.qty;
  }

  /** The allocation made last, the first to go when the batch shrinks. */
  latest(): AllocationSlot | undefined {
    const last = this.#ring.prev;
    return last === this.#ring ? undefined : last;
  }

  /** The allocated lines, oldest first. */
  *allocations(): IterableIterator<OrderLine> {
    for (const { orderid, qty } of this.slots()) yield { orderid, sku: this.sku, qty };
  }

  /** The allocations themselves, oldest first. */
  *slots(): IterableIterator<AllocationSlot> {
    for (let slot = this.#ring.next; slot !== this.#ring; slot = slot.next) yield slot;
  }
}

/** Warehouse stock first, then the earliest eta; equal batches keep their original order. */
export function preferenceOrder(a: Batch, b: Batch): number {
  if (a.eta === b.eta) return 0;
  if (a.eta === null) return -1;
  if (b.eta === null) return 1;
  return a.eta < b.eta ? -1 : 1;
}

/** A ring with no allocation in it: a slot that is its own neighbour both ways. */
function emptyRing(): AllocationSlot {
  const ring = slotBetween(undefined as never, undefined as never, '', 0, undefined);
  ring.prev = ring;
  ring.next = ring;
  return ring;
}
