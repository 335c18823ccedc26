import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { FolderBusy, InputError } from '../errors.js';
import { cannotRead, folderInTheWay, notAFile, statNow } from './os-errors.js';

/** What a file was when it was read: if any of it differs at commit, someone else wrote it. */
export interface Fingerprint {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

/** An input file as opened: its handle, unless it is not there, and what it was. */
export interface InputFile {
  readonly file: string;
  readonly handle: FileHandle | undefined;
  readonly fingerprint: Fingerprint;
}

/**
 * Opens an input file and notes what it is; a file that is not there has no handle. Opened
 * without waiting: a named pipe in a file's place would keep the run waiting for a writer.
 */
export async function openInput(file: string): Promise<InputFile> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = await handle.stat();
    if (stat.isDirectory()) throw folderInTheWay(file);
    if (!stat.isFile()) throw notAFile(file);
    return {
      file,
      handle,
      fingerprint: { path: file, size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino },
    };
  } catch (error) {
    await handle?.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return { file, handle: undefined, fingerprint: { path: file, size: -1, mtimeMs: 0, ino: 0 } };
    throw cannotRead(file, error);
  }
}

/** What the file at `path` is now; size -1 if it is not there. */
export function fingerprintOf(path: string): Omit<Fingerprint, 'path'> {
  const s = statNow(path);
  return s ? { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino } : { size: -1, mtimeMs: 0, ino: 0 };
}

/** Fails, as FolderBusy, if a file read has changed, appeared or gone since it was read. */
export function checkUnchanged(fingerprints: readonly Fingerprint[]): void {
  const current = fingerprints.map(({ path }) => fingerprintOf(path));
  fingerprints.forEach((before, i) => {
    const now = current[i] as Omit<Fingerprint, 'path'>;
    if (now.size !== before.size || now.mtimeMs !== before.mtimeMs || now.ino !== before.ino) {
      const what = now.size === -1 ? 'was removed' : before.size === -1 ? 'appeared' : 'changed';
      throw new FolderBusy(`${before.path} ${what} while this run was working`);
    }
  });
}

/** Fails, as an InputError, unless `folder` is a folder; a file names the folder it is in. */
export function checkIsFolder(folder: string): void {
  const s = statNow(folder);
  if (s?.isDirectory()) return;
  let message = s ? 'is not a folder' : 'no such folder';
  if (s?.isFile()) {
    message = `is a file, not a folder: give the folder that holds it, ${dirname(resolve(folder))}`;
  }
  throw new InputError([{ file: folder, line: 0, message }]);
}
