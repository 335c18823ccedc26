import type { AllocationSlot } from './batch.js';

const CALL = 0;
const PLACED = 1;
const TAKEN = 2;

/** Where a unit of work keeps the slots its products placed, in commit order. */
export interface SlotLog {
  push(slot: AllocationSlot): void;
  /** How many slots a product took back since its last commit, pushed at that one or earlier. */
  takenBack(count: number): void;
}

/** How a product undoes one change to a slot. */
export interface SlotUndo {
  unplace(slot: AllocationSlot): void;
  reinstate(slot: AllocationSlot): void;
}

/**
 * What a product did since its last checkpoint, to undo it newest first: slots placed, slots
 * taken, and other changes as undo functions. It also lists the slots placed, for the unit of
 * work to keep. Its lists are kept and overwritten from one checkpoint to the next, not
 * reallocated: a run makes a million checkpoints, most with one entry.
 */
export class Journal {
  /** Flat pairs, the first `#top` entries: [PLACED, slot] | [TAKEN, slot] | [CALL, undo]. */
  readonly #undo: (number | AllocationSlot | (() => void))[] = [];
  #top = 0;
  readonly #placed: AllocationSlot[] = [];
  #placedCount = 0;
  #takenCount = 0;

  placed(slot: AllocationSlot): void {
    this.#push(PLACED, slot);
    this.#placed[this.#placedCount++] = slot;
  }

  taken(slot: AllocationSlot): void {
    this.#push(TAKEN, slot);
    this.#takenCount += 1;
  }

  call(undo: () => void): void {
    this.#push(CALL, undo);
  }

  /**
   * Appends the slots placed since the last checkpoint to `log`, oldest first, once, and tells it
   * how many slots were taken since. A slot is taken once at most: undoing is the only way back.
   */
  movePlaced(log: SlotLog): void {
    for (let i = 0; i < this.#placedCount; i++) log.push(this.#placed[i] as AllocationSlot);
    this.#placedCount = 0;
    if (this.#takenCount > 0) log.takenBack(this.#takenCount);
    this.#takenCount = 0;
  }

  /** Forgets everything: what was done stays done. */
  clear(): void {
    this.#top = 0;
    this.#placedCount = 0;
    this.#takenCount = 0;
  }

  /** Undoes everything, newest first, then forgets it. */
  undo(slots: SlotUndo): void {
    const undo = this.#undo;
    for (let i = this.#top - 2; i >= 0; i -= 2) {
      const entry = undo[i + 1];
      if (undo[i] === CALL) (entry as () => void)();
      else if (undo[i] === PLACED) slots.unplace(entry as AllocationSlot);
      else slots.reinstate(entry as AllocationSlot);
    }
    this.clear();
  }

  #push(kind: number, entry: AllocationSlot | (() => void)): void {
    this.#undo[this.#top++] = kind;
    this.#undo[this.#top++] = entry;
  }
}
