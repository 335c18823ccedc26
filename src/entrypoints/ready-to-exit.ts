import { flushed } from './io.js';
import { stoppingBySignal } from './signals.js';

/** What deciding to end the process looks at; a test gives its own. */
export interface Ending {
  /** Resolves once what the run wrote to stdout and stderr has been handed to the system. */
  readonly flushed: () => Promise<void>;
  /** Whether a signal is stopping the run: the process then ends by that signal. */
  readonly stoppingBySignal: () => boolean;
}

const processEnding: Ending = { flushed, stoppingBySignal };

/**
 * Whether bin/ may end the process now that `main` has returned, with `process.exit`, rather
 * than leave it to end once Node has freed every page of V8's heap, as a process that runs out
 * of work does (some 5 ms of a 10,000-line run). Nothing else is left to wait for: the run has
 * committed or given up, removed its temp files and released its lock before `main` returns.
 * Resolves once the output is handed over, and is false for a run a signal stopped, which is
 * left to end by the signal, raised again once its temp files are gone (see signals.ts).
 */
export async function readyToExit(how: Ending = processEnding): Promise<boolean> {
  if (how.stoppingBySignal()) return false;
  await how.flushed();
  return !how.stoppingBySignal();
}
