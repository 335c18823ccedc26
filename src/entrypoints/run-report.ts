import { InInputOrder, type UnallocatedLine } from '../bootstrap.js';
import type { Event } from '../domain/events.js';
import type { PhaseSeconds } from './phase-clock.js';

/** What a run did, for the summary: counted from the events its commands produced. */
export interface Summary {
  folder: string;
  dryRun: boolean;
  linesRead: number;
  allocated: number;
  alreadyAllocated: number;
  amended: number;
  reallocated: number;
  unallocated: { outOfStock: number; unknownSku: number };
  warnings: number;
  seconds: number;
  /** How the seconds went, phase by phase (see phase-clock.ts). */
  phases: PhaseSeconds;
}

type Phase = 'restore' | 'orders';

/**
 * Listens to every committed event (the bus's `publish`) and to the outcomes the entrypoint
 * sees, and keeps the counts and the lines reported unallocated.
 */
export class RunReport {
  phase: Phase = 'restore';
  events = 0;
  allocated = 0;
  alreadyAllocated = 0;
  amended = 0;
  reallocated = 0;
  readonly #reported = new InInputOrder<UnallocatedLine>();
  #amending = false;

  /** The lines reported unallocated, with the input positions they came from. */
  get reported(): InInputOrder<UnallocatedLine> {
    return this.#reported;
  }

  readonly publish = (event: Event, position = 0): void => {
    this.events += 1;
    if (event.type === 'Allocated') {
      if (this.#amending) this.#amending = false;
      else if (this.phase === 'restore') this.reallocated += 1;
      else this.allocated += 1;
    } else if (event.type === 'Deallocated') {
      if (event.reason === 'amended') {
        this.amended += 1;
        this.#amending = true;
      }
    } else {
      this.#amending = false;
      const { orderid, sku, qty } = event;
      this.#reported.push({ orderid, sku, qty, reason: 'out-of-stock' }, position);
    }
  };

  unknownSku(line: { orderid: string; sku: string; qty: number }, position: number): void {
    const { orderid, sku, qty } = line;
    this.#reported.push({ orderid, sku, qty, reason: 'unknown-sku' }, position);
  }
}
