/**
 * Domain events: things that happened, past tense, plain data (the book's domain/events.py).
 * Made with `new` rather than as literals, for the reason commands.ts gives; their fields are
 * declared in the order the event log writes them.
 */

/** Why an allocation was taken back. Only `amended` lines are not reallocated by the bus. */
export type DeallocationReason = 'amended' | 'over-allocated' | 'batch-gone';

export class Allocated {
  readonly type = 'Allocated';
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

export class Deallocated {
  readonly type = 'Deallocated';
  readonly orderid: string;
  readonly sku: string;
  readonly qty: number;
  readonly batchref: string;
  readonly reason: DeallocationReason;

  constructor(
    orderid: string,
    sku: string,
    qty: number,
    batchref: string,
    reason: DeallocationReason,
  ) {
    this.orderid = orderid;
    this.sku = sku;
    this.qty = qty;
    this.batchref = batchref;
    this.reason = reason;
  }
}

export class OutOfStock {
  readonly type = 'OutOfStock';
  readonly orderid: string;
  readonly sku: string;
  readonly qty: number;

  constructor(orderid: string, sku: string, qty: number) {
    this.orderid = orderid;
    this.sku = sku;
    this.qty = qty;
  }
}

export type Event = Allocated | Deallocated | OutOfStock;
export type EventType = Event['type'];
