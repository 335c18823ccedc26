/**
 * The contract's run, written the slow, obvious way: every row in file order, batches in one
 * array searched from the start, no grouping, no columns, no positions to sort by. The CLI
 * works sku by sku on columns and writes in position order; on the same folder it must give the
 * same. Rows hold valid values, repeats identical (conflicts are input errors, tested apart).
 */
export interface Folder {
  readonly batches: readonly (readonly [ref: string, sku: string, qty: number, eta: string])[];
  readonly allocations: readonly Allocated[];
  readonly orders: readonly (readonly [orderid: string, sku: string, qty: number])[];
}
type Allocated = readonly [orderid: string, sku: string, qty: number, batchref: string];

/** A line, with where it came from: its allocations.csv row, just after those, or its order row. */
type Line = Readonly<{ orderid: string; sku: string; qty: number; from: number }>;
type Allocation = Line & { readonly batch: ModelBatch };
/** A batch, with its allocations in the order placed: the last is the latest. */
type ModelBatch = Readonly<{
  ref: string;
  sku: string;
  qty: number;
  eta: string;
  held: Allocation[];
}>;
type Reason = 'out-of-stock' | 'unknown-sku';
type Count =
  'linesRead' | 'allocated' | 'alreadyAllocated' | 'amended' | 'reallocated' | 'warnings';

/** The outputs' rows, and the --json summary's counts. */
export interface Outcome {
  readonly allocations: string[];
  readonly unallocated: string[];
  readonly availability: string[];
  readonly counts: Record<Count, number> & {
    unallocated: Record<'outOfStock' | 'unknownSku', number>;
  };
}

const keyOf = ({ orderid, sku }: { orderid: string; sku: string }) => `${orderid}\u0000${sku}`;
const available = (b: ModelBatch) => b.qty - b.held.reduce((sum, a) => sum + a.qty, 0);

export function runByContract(folder: Folder): Outcome {
  const run = new ContractRun(folder.batches);
  run.restore(folder.allocations);
  run.reconcile(folder.allocations.length);
  run.allocateOrders(folder.orders, folder.allocations.length + 1);
  return run.outcome();
}

class ContractRun {
  readonly batches: ModelBatch[] = [];
  /** Every allocation standing, in the order made, by (orderid, sku). */
  readonly standing = new Map<string, Allocation>();
  readonly reports: (Line & { reason: Reason })[] = [];
  readonly displaced: Line[] = [];
  readonly counts: Record<Count, number> = {
    ...{ linesRead: 0, allocated: 0, alreadyAllocated: 0 },
    ...{ amended: 0, reallocated: 0, warnings: 0 },
  };

  constructor(rows: Folder['batches']) {
    for (const [ref, sku, qty, eta] of rows) {
      if (this.batches.some((b) => b.ref === ref)) this.counts.warnings += 1;
      else this.batches.push({ ref, sku, qty, eta, held: [] });
    }
  }

  /** Earlier allocations go back on their batch, whether or not it still has room. */
  restore(rows: Folder['allocations']): void {
    this.#once(rows, ([orderid, sku, qty, ref], from) => {
      const line = { orderid, sku, qty, from };
      const batch = this.batches.find((b) => b.ref === ref && b.sku === sku);
      if (!this.#skus().includes(sku)) this.reports.push({ ...line, reason: 'unknown-sku' });
      else if (batch) this.#place(batch, line);
      else this.displaced.push(line);
    });
  }

  /**
   * Sku by sku, as batches.csv first lists them, what no longer fits comes off its batch, latest
   * first, batch by batch; then those and the lines whose batch is gone go through the rule again.
   */
  reconcile(from: number): void {
    for (const sku of this.#skus()) {
      const moved: Line[] = [];
      for (const batch of this.batches.filter((b) => b.sku === sku)) {
        while (available(batch) < 0) moved.push(this.#takeBack(batch.held.at(-1) as Allocation));
      }
      for (const line of [...moved, ...this.displaced.filter((l) => l.sku === sku)]) {
        if (this.#allocate({ ...line, from })) this.counts.reallocated += 1;
      }
    }
  }

  /** Every order line in file order, each (orderid, sku) once. */
  allocateOrders(rows: Folder['orders'], first: number): void {
    this.#once(rows, ([orderid, sku, qty], row) => {
      const line = { orderid, sku, qty, from: first + row };
      this.counts.linesRead += 1;
      const current = this.standing.get(keyOf(line));
      if (!this.#skus().includes(sku)) this.reports.push({ ...line, reason: 'unknown-sku' });
      else if (current?.qty === qty) this.counts.alreadyAllocated += 1;
      else if (current) {
        this.#takeBack(current);
        this.#allocate(line);
        this.counts.amended += 1;
      } else if (this.#allocate(line)) this.counts.allocated += 1;
    });
  }

  outcome(): Outcome {
    const allocations = [...this.standing.values()]
      .sort((a, b) => a.from - b.from)
      .map(({ orderid, sku, qty, batch }) => `${orderid},${sku},${qty},${batch.ref}`);
    const unallocated = this.#stillUnallocated();
    const count = (reason: Reason) => unallocated.filter((u) => u.endsWith(reason)).length;
    const availability = this.batches.map((b) => {
      const [qty, left] = [b.qty, available(b)];
      return `${b.ref},${b.sku},${b.eta},${qty},${qty - left},${left}`;
    });
    const [outOfStock, unknownSku] = [count('out-of-stock'), count('unknown-sku')];
    const counts = { ...this.counts, unallocated: { outOfStock, unknownSku } };
    return { allocations, unallocated, availability, counts };
  }

  /** The lines reported and not allocated now: each where first reported, as last reported. */
  #stillUnallocated(): string[] {
    const listed = new Map<string, { from: number; text: string }>();
    for (const { orderid, sku, qty, reason, from } of this.reports) {
      const key = keyOf({ orderid, sku });
      if (this.standing.has(key)) continue;
      listed.set(key, {
        from: listed.get(key)?.from ?? from,
        text: `${orderid},${sku},${qty},${reason}`,
      });
    }
    return [...listed.values()].sort((a, b) => a.from - b.from).map(({ text }) => text);
  }

  /** The allocation rule; true if the line now stands on a batch. */
  #allocate(line: Line): boolean {
    const fits = this.batches.filter((b) => b.sku === line.sku && available(b) >= line.qty);
    const batch = fits.sort((a, b) => this.#preferred(a, b))[0];
    if (batch) this.#place(batch, line);
    else this.reports.push({ ...line, reason: 'out-of-stock' });
    return batch !== undefined;
  }

  /** Warehouse stock first, then the earliest eta; ties to the batch listed first. */
  #preferred(a: ModelBatch, b: ModelBatch): number {
    if (a.eta !== b.eta) return a.eta === '' ? -1 : b.eta === '' ? 1 : a.eta < b.eta ? -1 : 1;
    return this.batches.indexOf(a) - this.batches.indexOf(b);
  }

  #place(batch: ModelBatch, line: Line): void {
    const allocation = { ...line, batch };
    batch.held.push(allocation);
    this.standing.set(keyOf(line), allocation);
  }

  #takeBack(allocation: Allocation): Allocation {
    allocation.batch.held.splice(allocation.batch.held.indexOf(allocation), 1);
    this.standing.delete(keyOf(allocation));
    return allocation;
  }

  /** The skus with batches, as batches.csv first lists them. */
  #skus(): string[] {
    return [...new Set(this.batches.map((b) => b.sku))];
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
