import { type Stats, statSync } from 'node:fs';
import { AllocationError, IoFailure } from '../errors.js';
import { targetOf } from './temp-files.js';

const WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  ENOENT: 'no such file or folder',
  EISDIR: 'is a folder',
  ENOTDIR: 'not a folder',
  EMFILE: 'too many open files',
  ESHORTWRITE: 'the disk took only part of the data',
  ENOTFILE: 'not a plain file (a named pipe or a device)',
};

/** The error a file operation gives where a folder stands in a file's place. */
export function folderInTheWay(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EISDIR: is a folder: ${path}`), { code: 'EISDIR', path });
}

/** The error for a named pipe or a device where a file is read: it may never end. */
export function notAFile(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOTFILE: not a plain file: ${path}`), {
    code: 'ENOTFILE',
    path,
  });
}

/** What an operating-system error means, in words, with its code: `permission denied (EACCES)`. */
export function explain(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === undefined) return error instanceof Error ? message : String(error);
  return `${WORDS[code] ?? message} (${code})`;
}

/** A file that could not be read, named, with the reason: exit 74. */
export function cannotRead(file: string, error: unknown): IoFailure {
  return new IoFailure(`${file}: cannot read: ${explain(error)}`, { file }, { cause: error });
}

/**
 * What is at `path` now, or undefined if nothing is or it cannot be looked at. Synchronous, and
 * with no error made and thrown for a file that is not there (a first run's outputs): each costs
 * a fraction of a millisecond, and a first run of 10,000 lines made a dozen.
 */
export function statNow(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/**
 * A failure while writing files, as a run reports it: a system error becomes an IoFailure naming
 * the file it was writing (the target, not its temp file), or else `folder`; any other error is
 * left as it is.
 */
export function asWriteFailure(error: unknown, folder: string): unknown {
  if (error instanceof AllocationError) return error;
  const { code, path } = error as NodeJS.ErrnoException;
  if (code === undefined) return error;
  const where = path === undefined ? folder : targetOf(path);
  return new IoFailure(
    `${where}: cannot write: ${explain(error)}`,
    { file: where },
    { cause: error },
  );
}
