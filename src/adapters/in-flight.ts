import { unlinkSync } from 'node:fs';
import { Interrupted } from '../errors.js';

/**
 * What one run has in flight on disk: its temp files, and whether its commit has begun. A signal
 * that ends the process (Ctrl-C, `kill`, a closed terminal) asks it to `stop()`: before the
 * commit, the temp files go at once and no commit can begin, so the folder is as it was; from
 * the first rename on, the run is left to finish, so that its outputs and event log agree.
 */
export class InFlight {
  readonly #temps = new Set<string>();
  #stage: 'working' | 'committing' | 'stopped' = 'working';
  #signal: NodeJS.Signals = 'SIGINT';

  /** A temp file about to be made; fails once stopped. */
  add(temp: string): void {
    if (this.#stage === 'stopped') throw new Interrupted(this.#signal);
    this.#temps.add(temp);
  }

  /** A temp file renamed or removed. */
  delete(temp: string): void {
    this.#temps.delete(temp);
  }

  /** The point of no return: from here on, `stop()` leaves the run to end as it will. */
  beginCommit(): void {
    if (this.#stage === 'stopped') throw new Interrupted(this.#signal);
    this.#stage = 'committing';
  }

  /**
   * Removes the temp files now, synchronously, and refuses any later one or commit; false, and
   * nothing done, once the commit has begun.
   */
  stop(signal: NodeJS.Signals): boolean {
    if (this.#stage === 'committing') return false;
    this.#stage = 'stopped';
    this.#signal = signal;
    for (const temp of this.#temps) {
      try {
        unlinkSync(temp);
      } catch {
        // Not made yet, or gone already: either way, not left behind.
      }
    }
    this.#temps.clear();
    return true;
  }
}
