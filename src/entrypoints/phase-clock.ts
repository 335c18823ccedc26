/** The phases of a run, in the order they first come; the summary gives the time of each. */
export const PHASES = ['reading', 'batches', 'restoring', 'allocating', 'writing'] as const;
export type PhaseName = (typeof PHASES)[number];
export type PhaseSeconds = Record<PhaseName, number>;

/**
 * How long each phase of a run took: each `lap` ends a phase, begun where the one before ended.
 * A phase may come back (the run waits for orders.csv, still being read, after putting back
 * earlier allocations): its times add up. A run that does not write has no time writing.
 */
export class PhaseClock {
  readonly #milliseconds = new Map<PhaseName, number>();
  #last: number;

  /**
   * Starts now, by `now` (milliseconds): the process's monotonic clock, unless a test gives
   * another. Not `performance.now()`: Node loads perf_hooks, a dozen modules, for that global
   * when it is first used, 1 to 1.5 ms of a start.
   */
  constructor(private readonly now: () => number = monotonicNow) {
    this.#last = now();
  }

  lap(phase: PhaseName): void {
    const at = this.now();
    this.#milliseconds.set(phase, (this.#milliseconds.get(phase) ?? 0) + at - this.#last);
    this.#last = at;
  }

  /** The time of every phase, in seconds to the millisecond. */
  total(): number {
    let milliseconds = 0;
    for (const time of this.#milliseconds.values()) milliseconds += time;
    return Math.round(milliseconds) / 1000;
  }

  /** Each phase's time, in seconds to the millisecond. */
  seconds(): PhaseSeconds {
    const entries = PHASES.map((phase) => {
      const milliseconds = this.#milliseconds.get(phase) ?? 0;
      return [phase, Math.round(milliseconds) / 1000] as const;
    });
    return Object.fromEntries(entries) as PhaseSeconds;
  }
}

/** The monotonic clock, in milliseconds. */
function monotonicNow(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
