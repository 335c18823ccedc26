/**
 * The contract's run, written the slow, obvious way: every row in file order, batches in one
 * array searched from the start, no grouping, no columns, no positions to sort by. The CLI
 * works sku by sku on columns and writes in position order; on the same folder it must give the
 * same. Rows hold valid values, repeats identical (conflicts are input errors, tested apart).
 */
import {
  type Allocation,
  available,
  keyOf,
  type Line,
  ModelStock,
  type Reason,
} from './model-stock.js';

export interface Folder {
  readonly batches: readonly (readonly [ref: string, sku: string, qty: number, eta: string])[];
  readonly allocations: readonly Allocated[];
  readonly orders: readonly (readonly [orderid: string, sku: string, qty: number])[];
}
type Allocated = readonly [orderid: string, sku: string, qty: number, batchref: string];
type Count =
  'linesRead' | 'allocated' | 'alreadyAllocated' | 'amended' | 'reallocated' | 'warnings';

/** The outputs' rows, and the --json summary's counts. */
export interface Outcome {
  readonly allocations: string[];
  readonly unallocated: string[];
  readonly availability: string[];
  /** The event log's events after its header, each as its fields joined by spaces. */
  readonly events: string[];
  readonly counts: Record<Count, number> & {
    unallocated: Record<'outOfStock' | 'unknownSku', number>;
  };
}

export function runByContract(folder: Folder): Outcome {
  const run = new ContractRun(folder.batches);
  run.restore(folder.allocations);
  run.reconcile(folder.allocations.length);
  run.allocateOrders(folder.orders, folder.allocations.length + 1);
  return run.outcome();
}

class ContractRun {
  readonly stock = new ModelStock();
  /** Lines whose batch is gone, with its ref. */
  readonly displaced: (Line & { ref: string })[] = [];
  readonly counts: Record<Count, number> = {
    ...{ linesRead: 0, allocated: 0, alreadyAllocated: 0 },
    ...{ amended: 0, reallocated: 0, warnings: 0 },
  };

  constructor(rows: Folder['batches']) {
    for (const [ref, sku, qty, eta] of rows) {
      if (this.stock.batches.some((b) => b.ref === ref)) this.counts.warnings += 1;
      else this.stock.batches.push({ ref, sku, qty, eta, held: [] });
    }
  }

  /** Earlier allocations go back on their batch, whether or not it still has room. */
  restore(rows: Folder['allocations']): void {
    this.#once(rows, ([orderid, sku, qty, ref], from) => {
      const line = { orderid, sku, qty, from };
      const batch = this.stock.batches.find((b) => b.ref === ref && b.sku === sku);
      if (!this.stock.skus().includes(sku))
        this.stock.reports.push({ ...line, reason: 'unknown-sku' });
      else if (batch) this.stock.place(batch, line);
      else this.displaced.push({ ...line, ref });
    });
  }

  /**
   * Sku by sku, as batches.csv first lists them, what no longer fits comes off its batch, latest
   * first, batch by batch; then those and the lines whose batch is gone go through the rule again.
   */
  reconcile(from: number): void {
    for (const sku of this.stock.skus()) {
      const moved: Line[] = [];
      for (const batch of this.stock.batches.filter((b) => b.sku === sku)) {
        while (available(batch) < 0) {
          moved.push(this.stock.takeBack(batch.held.at(-1) as Allocation, 'over-allocated', from));
        }
      }
      for (const { orderid, qty, ref } of this.displaced.filter((l) => l.sku === sku)) {
        moved.push({ orderid, sku, qty, from });
        this.stock.event(from, 'Deallocated', orderid, sku, qty, ref, 'batch-gone');
      }
      for (const line of moved) {
        if (this.stock.allocate({ ...line, from })) this.counts.reallocated += 1;
      }
    }
  }

  /** Every order line in file order, each (orderid, sku) once. */
  allocateOrders(rows: Folder['orders'], first: number): void {
    this.#once(rows, ([orderid, sku, qty], row) => {
      const line = { orderid, sku, qty, from: first + row };
      this.counts.linesRead += 1;
      const current = this.stock.standing.get(keyOf(line));
      if (!this.stock.skus().includes(sku))
        this.stock.reports.push({ ...line, reason: 'unknown-sku' });
      else if (current?.qty === qty) this.counts.alreadyAllocated += 1;
      else if (current) {
        this.stock.takeBack(current, 'amended', line.from);
        this.stock.allocate(line);
        this.counts.amended += 1;
      } else if (this.stock.allocate(line)) this.counts.allocated += 1;
    });
  }

  outcome(): Outcome {
    const allocations = [...this.stock.standing.values()]
      .sort((a, b) => a.from - b.from)
      .map(({ orderid, sku, qty, batch }) => `${orderid},${sku},${qty},${batch.ref}`);
    const unallocated = this.#stillUnallocated();
    const count = (reason: Reason) => unallocated.filter((u) => u.endsWith(reason)).length;
    const availability = this.stock.batches.map((b) => {
      const [qty, left] = [b.qty, available(b)];
      return `${b.ref},${b.sku},${b.eta},${qty},${qty - left},${left}`;
    });
    const [outOfStock, unknownSku] = [count('out-of-stock'), count('unknown-sku')];
    const counts = { ...this.counts, unallocated: { outOfStock, unknownSku } };
    const events = this.stock.events.sort((a, b) => a.from - b.from).map(({ text }) => text);
    return { allocations, unallocated, availability, events, counts };
  }

  /** The lines reported and not allocated now: each where first reported, as last reported. */
  #stillUnallocated(): string[] {
    const listed = new Map<string, { from: number; text: string }>();
    for (const { orderid, sku, qty, reason, from } of this.stock.reports) {
      const key = keyOf({ orderid, sku });
      if (this.stock.standing.has(key)) continue;
      listed.set(key, {
        from: listed.get(key)?.from ?? from,
        text: `${orderid},${sku},${qty},${reason}`,
      });
    }
    return [...listed.values()].sort((a, b) => a.from - b.from).map(({ text }) => text);
  }

  /** Calls `visit` with each row and its index, but for repeats of an earlier row's line. */
  #once<T extends readonly [string, string, ...unknown[]]>(
    rows: readonly T[],
    visit: (row: T, i: number) => void,
  ) {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const key = keyOf({ orderid: row[0], sku: row[1] });
      if (seen.has(key)) this.counts.warnings += 1;
      else visit(row, i);
      seen.add(key);
    });
  }
}
