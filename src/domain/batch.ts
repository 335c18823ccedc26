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
export class AllocationSlot {
  prev: AllocationSlot = this;
  next: AllocationSlot = this;

  constructor(
    readonly orderid: string,
    readonly qty: number,
    readonly batch: Batch | undefined,
  ) {}

  /**
   * Whether the allocation stands: false once taken out of its batch, whose ring then goes
   * round it. Read off the ring, not kept: a million slots are 8 MB smaller without the flag.
   */
  get linked(): boolean {
    return this.prev.next === this;
  }

  get line(): OrderLine {
    return { orderid: this.orderid, sku: this.batch?.sku ?? '', qty: this.qty };
  }
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
  readonly #ring = new AllocationSlot('', 0, undefined);

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
    const slot = new AllocationSlot(line.orderid, line.qty, this);
    slot.prev = this.#ring.prev;
    slot.next = this.#ring;
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
    for (const slot of this.slots()) yield slot.line;
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
