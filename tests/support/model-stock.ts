/**
 * The book's model done the slow, obvious way, for the contract model (contract-model.ts): the
 * batches in one array, listed as batches.csv lists them, each with its allocations; every rule
 * a search from the start. It keeps what a run reports: lines left unallocated, and events.
 */

/** A line, with where it came from: its allocations.csv row, just after those, or its order row. */
export type Line = Readonly<{ orderid: string; sku: string; qty: number; from: number }>;
export type Allocation = Line & { readonly batch: ModelBatch };
/** A batch, with its allocations in the order placed: the last is the latest. */
export type ModelBatch = Readonly<{
  ref: string;
  sku: string;
  qty: number;
  eta: string;
  held: Allocation[];
}>;
export type Reason = 'out-of-stock' | 'unknown-sku';

export const keyOf = ({ orderid, sku }: { orderid: string; sku: string }) =>
  `${orderid}\u0000${sku}`;
export const available = (b: ModelBatch) => b.qty - b.held.reduce((sum, a) => sum + a.qty, 0);

export class ModelStock {
  readonly batches: ModelBatch[] = [];
  /** Every allocation standing, in the order made, by (orderid, sku). */
  readonly standing = new Map<string, Allocation>();
  /** The lines reported unallocated, as reported. */
  readonly reports: (Line & { reason: Reason })[] = [];
  /** The event log's events, each as its fields joined by spaces. */
  readonly events: { from: number; text: string }[] = [];

  /** The allocation rule; true if the line now stands on a batch. */
  allocate(line: Line): boolean {
    const fits = this.batches.filter((b) => b.sku === line.sku && available(b) >= line.qty);
    const batch = fits.sort((a, b) => this.#preferred(a, b))[0];
    const { from, orderid, sku, qty } = line;
    if (batch) this.place(batch, line);
    else this.reports.push({ ...line, reason: 'out-of-stock' });
    if (batch) this.event(from, 'Allocated', orderid, sku, qty, batch.ref);
    else this.event(from, 'OutOfStock', orderid, sku, qty);
    return batch !== undefined;
  }

  /** Warehouse stock first, then the earliest eta; ties to the batch listed first. */
  #preferred(a: ModelBatch, b: ModelBatch): number {
    if (a.eta !== b.eta) return a.eta === '' ? -1 : b.eta === '' ? 1 : a.eta < b.eta ? -1 : 1;
    return this.batches.indexOf(a) - this.batches.indexOf(b);
  }

  place(batch: ModelBatch, line: Line): void {
    const allocation = { ...line, batch };
    batch.held.push(allocation);
    this.standing.set(keyOf(line), allocation);
  }

  takeBack(allocation: Allocation, reason: string, from: number): Allocation {
    const { orderid, sku, qty, batch } = allocation;
    this.event(from, 'Deallocated', orderid, sku, qty, batch.ref, reason);
    allocation.batch.held.splice(allocation.batch.held.indexOf(allocation), 1);
    this.standing.delete(keyOf(allocation));
    return allocation;
  }

  event(from: number, ...fields: (string | number)[]): void {
    this.events.push({ from, text: fields.join(' ') });
  }

  /** The skus with batches, as batches.csv first lists them. */
  skus(): string[] {
    return [...new Set(this.batches.map((b) => b.sku))];
  }
}
