/**
 * Commands: what we ask the system to do, imperative, plain data (the book's domain/commands.py).
 * Those a run sends once per line are classes, made with `new`: V8 tracks each object literal's
 * site, and a site whose first objects it found alive at an unlucky collection had its million
 * objects made in the old generation, where they died: about 100 MB more at the peak, now and
 * then (see the README's Where the time and memory go).
 */

export class Allocate {
  readonly type = 'Allocate';
  readonly orderid: string;
  readonly sku: string;
  readonly qty: number;

  constructor(orderid: string, sku: string, qty: number) {
    this.orderid = orderid;
    this.sku = sku;
    this.qty = qty;
  }
}

export interface CreateBatch {
  readonly type: 'CreateBatch';
  readonly ref: string;
  readonly sku: string;
  readonly qty: number;
  /** `YYYY-MM-DD`, or null for stock already in the warehouse. */
  readonly eta: string | null;
}

export interface ChangeBatchQuantity {
  readonly type: 'ChangeBatchQuantity';
  readonly ref: string;
  readonly qty: number;
}

/** Put back an allocation made by an earlier run, on the batch it was made to. */
export class RestoreAllocation {
  readonly type = 'RestoreAllocation';
  readonly orderid: string;
  readonly sku: string;
  readonly qty: number;
  readonly batchref: string;

  constructor(orderid: string, sku: string, qty: number, batchref: string) {
    this.orderid = orderid;
    this.sku = sku;
    this.qty = qty;
    this.batchref = batchref;
  }
}

/** After restoring: take back what no longer fits its batch, latest first, to reallocate it. */
export interface Reconcile {
  readonly type: 'Reconcile';
  readonly sku: string;
}

export type Command = Allocate | CreateBatch | ChangeBatchQuantity | RestoreAllocation | Reconcile;
export type CommandType = Command['type'];
