import { type AllocationSlot, isLinked } from '../domain/batch.js';
import type { SlotLog } from '../domain/journal.js';
import { ChunkedList, type ListView } from './chunked-list.js';
import { Int32List } from './int32-list.js';

/** How many allocations taken back the log keeps at least before it drops them. */
const SETTLE_FROM = 1 << 16;

/**
 * Every allocation committed, in the order made, each with the tag current when it was committed
 * (the CSV unit of work's input position). An allocation taken back stays taken back (a new one
 * is made if its line is allocated again), so the log drops those it holds now and then: when
 * they are an eighth of it and at least `settleFrom`. A re-run that amends half a million lines
 * would otherwise keep half a million dead slots, and their orderids, until the write.
 */
export class PlacedLog implements SlotLog, ListView<AllocationSlot> {
  readonly #slots = new ChunkedList<AllocationSlot>();
  readonly #tags = new Int32List();
  /** The tag given to the allocations committed from now on. */
  tag = 0;
  /** Allocations taken back since the log last dropped them: all in it, and no longer linked. */
  #takenBack = 0;

  constructor(private readonly settleFrom = SETTLE_FROM) {}

  get length(): number {
    return this.#slots.length;
  }

  at(index: number): AllocationSlot {
    return this.#slots.at(index);
  }

  [Symbol.iterator](): Iterator<AllocationSlot> {
    return this.#slots[Symbol.iterator]();
  }

  /** Each allocation's tag, by index, as a view that the next commit may leave behind. */
  tags(): Int32Array {
    return this.#tags.view();
  }

  push(slot: AllocationSlot): void {
    this.#slots.push(slot);
    this.#tags.push(this.tag);
  }

  takenBack(count: number): void {
    this.#takenBack += count;
  }

  /** Drops the allocations taken back if they are enough to be worth a pass: once a commit ends. */
  settle(): void {
    const taken = this.#takenBack;
    if (taken < this.settleFrom || taken * 8 < this.#slots.length) return;
    const slots = this.#slots;
    const tags = this.#tags;
    let kept = 0;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots.at(i);
      if (!isLinked(slot)) continue;
      if (kept < i) {
        slots.set(kept, slot);
        tags.set(kept, tags.at(i));
      }
      kept += 1;
    }
    slots.truncate(kept);
    tags.truncate(kept);
    this.#takenBack = 0;
  }
}
