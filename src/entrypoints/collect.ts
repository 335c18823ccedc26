import { runInNewContext } from 'node:vm';
import { setV8Flags } from './v8-flags.js';

/** Lines walked (order lines and allocations) from which a run collects once they are let go. */
export const COLLECT_FROM = 500_000;

let fullCollection: (() => void) | undefined;

/**
 * Runs V8's full garbage collection now. A run lets its input columns go once walked (see
 * `Lines.release`), but V8 may not collect them, typed arrays of some 30 MB at a million lines,
 * before the outputs are made: the run's peak then holds both. On the benchmark's million-line
 * re-run it peaked at 352 to 390 MB, once at 407, and at 328 to 350 MB with one collection
 * there (14 runs each, in turn), in as much time: the collection takes about 0.13 s, and the
 * collector then has less to do while the outputs are made. V8 offers it only with `--expose-gc`,
 * which a bin cannot pass: the flag is set here, once the CLI is compiled, and `gc` taken from a
 * context made after it.
 */
export function collectGarbage(): void {
  if (fullCollection === undefined) {
    setV8Flags('--expose-gc');
    fullCollection = runInNewContext('gc') as () => void;
  }
  fullCollection();
}
