import type { Event } from '../domain/events.js';

/**
 * A unit of work's committed events, handed out oldest first, each once. Its list is kept and
 * written over from the start once drained, not made again: a run commits a million times, and
 * a list made at each commit put V8 at risk of making them all in the old generation (see the
 * README's Where the time and memory go).
 */
export class EventQueue {
  readonly #events: (Event | undefined)[] = [];
  #head = 0;
  #tail = 0;

  add(event: Event): void {
    this.#events[this.#tail++] = event;
  }

  /** The oldest event not yet handed out, or undefined when there is none. */
  next(): Event | undefined {
    if (this.#head === this.#tail) return undefined;
    const event = this.#events[this.#head];
    this.#events[this.#head++] = undefined;
    if (this.#head === this.#tail) this.#head = this.#tail = 0;
    return event;
  }
}
