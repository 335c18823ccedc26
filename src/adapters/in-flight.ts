import { unlinkSync } from 'node:fs';
import { Interrupted } from '../errors.js';

/**
 * What one run has in flight on disk: its temp files, and whether its commit has begun. A signal
 * that ends the process (Ctrl-C, `kill`, a closed terminal) asks it to `stop()`: before the
 * commit, the temp files go, those still being made as soon as they are, and no commit can
 * begin, so the folder is left as it was; from the first rename on, the run is left to finish,
 * so that its outputs and event log agree.
 */
export class InFlight {
  /** Each temp file, with the promise of its making. */
  readonly #temps = new Map<string, Promise<unknown>>();
  #stage: 'working' | 'committing' | 'stopped' = 'working';
  #signal: NodeJS.Signals = 'SIGINT';

  /** Makes the temp file `temp` with `create`, listed until `delete`; refused once stopped. */
  async make<T>(temp: string, create: () => Promise<T>): Promise<T> {
    if (this.#stage === 'stopped') throw new Interrupted(this.#signal);
    const made = create();
    this.#temps.set(temp, made);
    return made.catch((error: unknown) => {
      this.#temps.delete(temp);
      throw error;
    });
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
   * Refuses any later temp file or commit, and removes the temp files: settles once all are gone,
   * those still being made too. False, and nothing done, once the commit has begun.
   */
  stop(signal: NodeJS.Signals): Promise<void> | false {
    if (this.#stage === 'committing') return false;
    this.#stage = 'stopped';
    this.#signal = signal;
    const temps = [...this.#temps];
    this.#temps.clear();
    const gone = temps.map(async ([temp, made]) => {
      await made.catch(noop);
      removeQuietly(temp);
    });
    return Promise.all(gone).then(noop);
  }
}

function removeQuietly(temp: string): void {
  try {
    unlinkSync(temp);
  } catch {
    // Never made, or gone already: either way, not left behind.
  }
}

function noop(): void {}
