import type { InFlight } from '../bootstrap.js';

/** The signals that end a process that does not handle them: Ctrl-C, `kill`, a closed terminal. */
const STOPPING = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The signal stopping the run, once one is: the process is to end by it (see `stoppable`). */
let stoppedBy: NodeJS.Signals | undefined;

/** Whether a signal is stopping the run, and so will end the process. */
export function stoppingBySignal(): boolean {
  return stoppedBy !== undefined;
}

/**
 * Runs `work` so that a signal stops it cleanly. Before the run's commit, its temp files are
 * removed (`InFlight.stop`), the user is told that nothing was written, and the signal is raised
 * again: the process ends by it, as a shell or a supervisor expects, and the folder's lock
 * goes as it ends (proper-lockfile removes its locks then). From the first rename on, the run is
 * left to finish, so that its outputs and event log agree, and told of the signal afterwards.
 */
export async function stoppable<T>(
  inFlight: InFlight,
  tell: (text: string) => void,
  work: () => Promise<T>,
): Promise<T> {
  let late: NodeJS.Signals | undefined;
  let stopping = false;
  const stopListening = () => STOPPING.forEach((name) => process.off(name, stop));
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    const stopped = inFlight.stop(signal);
    if (stopped === false) {
      late ??= signal;
      return;
    }
    stopping = true;
    stoppedBy = signal;
    void stopped.then(() => {
      tell(`allocate-from-csv: interrupted (${signal}); nothing was written\n`);
      stopListening();
      process.kill(process.pid, signal);
    });
  };
  STOPPING.forEach((name) => process.on(name, stop));
  try {
    return await work();
  } finally {
    stopListening();
    if (late)
      tell(`allocate-from-csv: ${late} came as the run was committing: it finished first\n`);
  }
}
