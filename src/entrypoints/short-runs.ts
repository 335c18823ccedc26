import { inputBytes } from '../bootstrap.js';
import { setV8Flags } from './v8-flags.js';

/** Inputs (batches, orders and allocations together) below this size make a short run. */
export const SHORT_RUN_BYTES = 8 << 20;

/** How much bytecode V8's optimising compiler inlines into one function: its default, and less. */
const INLINING = '--max-inlined-bytecode-size-cumulative=';
const DEFAULT_INLINING = 920;
const SHORT_RUN_INLINING = 250;

/**
 * Runs `work` (a run over `folder`) with V8's optimising compiler inlining less, if the folder's
 * inputs make a short run; V8's default is set back once it is done.
 *
 * A short run is mostly over before its hot functions are optimised: V8 compiles them on helper
 * threads, four by default, which on a machine with two cores take the CPU from the run itself.
 * A 10,000-line run makes some 110 optimised compiles of 80 functions (the floor about 40), in
 * about 150 ms of the helpers' CPU. Inlining less makes each compile smaller and sooner done.
 * Medians of 30 runs in turn at 10,000 lines: 25 ms less fresh (1.05 -> 0.95 of the floor), 26
 * ms less re-run (1.03 -> 0.90). At 100,000 lines it changed nothing measurable; at a million,
 * whose time is spent in optimised code, it cost 0.1 to 0.5 s, hence the size. Inlining less
 * still (0 or 60 bytes) saved 7 to 14 ms more at 10,000 lines but cost 30 to 70 ms at 100,000.
 *
 * V8 checks its flags against the code cache's, so the default is set back: a process that runs
 * the CLI in-process (the build, making that cache; the tests) goes on as it started.
 */
export async function withShortRunCompiler<T>(folder: string, work: () => Promise<T>): Promise<T> {
  if (inputBytes(folder) >= SHORT_RUN_BYTES) return work();
  setV8Flags(`${INLINING}${SHORT_RUN_INLINING}`);
  try {
    return await work();
  } finally {
    setV8Flags(`${INLINING}${DEFAULT_INLINING}`);
  }
}
