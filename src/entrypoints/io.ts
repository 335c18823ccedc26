import { type Progress, progressBar } from './progress.js';

/** Where the program writes: the process's streams, or a test's buffers. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Draws the progress bar; a test's Io has none. */
  readonly progress?: (quiet: boolean) => Progress;
}

/** The process's own streams, and a progress bar on its stderr. */
export const processIo: Io = {
  stdout: writer(() => process.stdout),
  stderr: writer(() => process.stderr),
  progress: (quiet) => progressBar(() => process.stderr, { quiet, env: process.env }),
};

/** The process's streams written to so far: Node sets each up when it is first used. */
const used = new Set<NodeJS.WriteStream>();

/** Resolves once what was written to stdout and stderr has been handed to the system. */
export function flushed(): Promise<void> {
  const each = [...used].map((stream) => new Promise((done) => stream.write('', done)));
  return Promise.all(each).then(() => undefined);
}

/**
 * Writes to a stream whose reader may go (`--json | head -c0`): what it no longer reads is
 * dropped, and the run ends as it would have, with its own exit code, not with a stack trace.
 */
function writer(stream: () => NodeJS.WriteStream): (text: string) => void {
  let [listening, gone] = [false, false];
  return (text) => {
    if (!listening) {
      listening = true;
      used.add(stream());
      stream().on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
        gone = true;
      });
    }
    if (!gone) stream().write(text);
  };
}
