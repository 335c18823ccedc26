import { flushed } from './io.js';
import { stoppingBySignal } from './signals.js';

/** What ending the process takes; a test gives its own. */
export interface Ending {
  /** Resolves once what the run wrote to stdout and stderr has been handed to the system. */
  readonly flushed: () => Promise<void>;
  /** Whether a signal is stopping the run: the process then ends by that signal. */
  readonly stoppingBySignal: () => boolean;
  /** Ends the process now. */
  readonly exit: (code: number) => void;
  /** Sets the code the process ends with once it has nothing left to do. */
  readonly exitWhenIdle: (code: number) => void;
}

const processEnding: Ending = {
  flushed,
  stoppingBySignal,
  exit: (code) => process.exit(code),
  exitWhenIdle: (code) => {
    process.exitCode = code;
  },
};

/**
 * Ends the process with the run's exit code, once its output is out: at once, rather than once
 * Node has freed every page of V8's heap as a process that runs out of work does (some 5 ms of a
 * 10,000-line run). Nothing else is left to wait for: the run has committed or given up, removed
 * its temp files and released its lock before `main` returns. A run a signal stopped is left to
 * end by the signal, raised again once its temp files are gone (see signals.ts).
 */
export async function end(code: number, how: Ending = processEnding): Promise<void> {
  how.exitWhenIdle(code);
  if (how.stoppingBySignal()) return;
  await how.flushed();
  if (!how.stoppingBySignal()) how.exit(code);
}
