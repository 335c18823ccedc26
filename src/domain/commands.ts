/** Commands: what we ask the system to do, imperative, plain data (the book's domain/commands.py). */

export interface Allocate {
  readonly type: 'Allocate';
  readonly orderid: string;
  readonly sku: string;
  readonly qty: number;
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
export interface RestoreAllocation {
  readonly type: 'RestoreAllocation';
  readonly orderid: string;
  readonly sku: string;
  readonly qty: number;
  readonly batchref: string;
}

/** After restoring: take back what no longer fits its batch, latest first, to reallocate it. */
export interface Reconcile {
  readonly type: 'Reconcile';
  readonly sku: string;
}

export type Command = Allocate | CreateBatch | ChangeBatchQuantity | RestoreAllocation | Reconcile;
export type CommandType = Command['type'];
