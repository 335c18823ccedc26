import { fstatSync, writeSync } from 'node:fs';
import { type Progress, progressBar } from './progress.js';

/** Where the program writes: the process's streams, or a test's buffers. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Draws the progress bar; a test's Io has none. */
  readonly progress?: (quiet: boolean) => Progress;
}

/** How a writer reaches its file descriptor; a test gives its own. */
export interface WriteTo {
  /** Whether to write to the descriptor itself: a pipe, a socket or a file. */
  readonly direct: (fd: number) => boolean;
  readonly write: (fd: number, bytes: Uint8Array, offset: number) => number;
}

const DESCRIPTOR: WriteTo = { direct: notADevice, write: writeSync };

/** The process's own stdout and stderr, and a progress bar on its stderr. */
export const processIo: Io = {
  stdout: writer(1, () => process.stdout),
  stderr: writer(2, () => process.stderr),
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
 * Writes to the process's stdout or stderr (`fd`, its stream `stream`), whose reader may go
 * (`--json | head -c0`): what it no longer reads is dropped, and the run ends as it would have,
 * with its own exit code, not with a stack trace. To a pipe, a socket or a file, the text goes
 * straight to the descriptor, as Node's stream would write it there (at once, on Linux): Node
 * sets the stream up when it is first used, and for a pipe that is loading `net` and opening a
 * socket, 2.5 ms of a run that prints one line. To a terminal, or once a pipe would block (one
 * left non-blocking by whoever made it), the text goes through the stream, which waits.
 */
export function writer(
  fd: number,
  stream: () => NodeJS.WriteStream,
  to: WriteTo = DESCRIPTOR,
): (text: string) => void {
  let target: 'descriptor' | 'stream' | 'gone' | undefined;
  const toStream = streamWriter(stream, () => (target = 'gone'));
  return (text) => {
    target ??= to.direct(fd) ? 'descriptor' : 'stream';
    if (target === 'gone') return;
    const bytes = Buffer.from(text);
    let done = 0;
    if (target === 'descriptor') {
      done = writeDirect(fd, bytes, to.write);
      if (done === GONE) target = 'gone';
      if (done === GONE || done === bytes.length) return;
      target = 'stream';
    }
    toStream(bytes.subarray(done));
  };
}

const GONE = -1;

/** Writes `bytes` to `fd`: how many it took before it would block, or GONE if its reader went. */
function writeDirect(fd: number, bytes: Uint8Array, write: WriteTo['write']): number {
  let done = 0;
  try {
    while (done < bytes.length) done += write(fd, bytes, done);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return GONE;
    if (code !== 'EAGAIN') throw error;
  }
  return done;
}

/** Writes to a stream, and calls `gone` if its reader goes. */
function streamWriter(stream: () => NodeJS.WriteStream, gone: () => void) {
  let listening = false;
  return (bytes: Uint8Array): void => {
    if (!listening) {
      listening = true;
      used.add(stream());
      stream().on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
        gone();
      });
    }
    stream().write(bytes);
  };
}

/** Whether `fd` is a pipe, a socket or a file: anything but a terminal (or another device). */
function notADevice(fd: number): boolean {
  try {
    return !fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}
