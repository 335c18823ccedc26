/** Domain events: things that happened, past tense, plain data (the book's domain/events.py). */

/** Why an allocation was taken back. Only `amended` lines are not reallocated by the bus. */
export type DeallocationReason = 'amended' | 'over-allocated' | 'batch-gone';

export interface Allocated {
  readonly type: 'Allocated';
  readonly orderid: string;
  readonly sku: string;
  readonly qty: number;
  readonly batchref: string;
}

export interface Deallocated {
  readonly type: 'Deallocated';
  readonly orderid: string;
  readonly sku: string;
  readonly qty: number;
  readonly batchref: string;
  readonly reason: DeallocationReason;
}

export interface OutOfStock {
  readonly type: 'OutOfStock';
  readonly orderid: string;
  readonly sku: string;
  readonly qty: number;
}

export type Event = Allocated | Deallocated | OutOfStock;
export type EventType = Event['type'];
