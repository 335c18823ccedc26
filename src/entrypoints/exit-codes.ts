import { constants } from 'node:os';
import { CommanderError } from 'commander';
import { FolderBusy, formatProblem, InputError, Interrupted, IoFailure } from '../errors.js';

/** The contract's exit codes. */
export const EXIT = {
  allAllocated: 0,
  someUnallocated: 1,
  usageOrInput: 2,
  internal: 70,
  io: 74,
  busy: 75,
} as const;

/** What each exit code means, as `--help` lists them. */
export const EXIT_MEANINGS: readonly (readonly [number, string])[] = [
  [EXIT.allAllocated, 'committed; every order line is allocated'],
  [EXIT.someUnallocated, 'committed; some lines are unallocated (see unallocated.csv)'],
  [EXIT.usageOrInput, 'usage or input error; nothing written'],
  [EXIT.internal, 'internal error (a bug: please report it); nothing written'],
  [EXIT.io, 'I/O failure (cannot read or write, permission denied, disk full); nothing written'],
  [EXIT.busy, 'folder busy or changed during the run; nothing written; retry later'],
];

/** How many input problems, or warnings, are listed before the rest are only counted. */
export const LISTED = 20;

/** The one place that turns an error into what the user reads and the exit code. */
export function reportError(error: unknown, write: (text: string) => void): number {
  if (error instanceof CommanderError) {
    const ok = error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
    return ok ? EXIT.allAllocated : EXIT.usageOrInput;
  }
  if (error instanceof InputError) {
    const { problems } = error;
    for (const problem of problems.slice(0, LISTED)) write(`${formatProblem(problem)}\n`);
    if (problems.length > LISTED) write(`... and ${problems.length - LISTED} more problems\n`);
    write(`allocate-from-csv: invalid input; nothing was written\n`);
    return EXIT.usageOrInput;
  }
  if (error instanceof IoFailure) {
    const outcome = error.nothingWritten ? 'nothing was written' : 'the allocations were committed';
    write(`allocate-from-csv: ${error.message}; ${outcome}\n`);
    return EXIT.io;
  }
  // Told when the signal came (signals.ts); the signal raised again ends the process first.
  if (error instanceof Interrupted) return 128 + constants.signals[error.signal];
  if (error instanceof FolderBusy) {
    write(`allocate-from-csv: ${error.message}; nothing was written, try again later\n`);
    return EXIT.busy;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  write(`allocate-from-csv: internal error, nothing was written; please report this:\n${detail}\n`);
  return EXIT.internal;
}
