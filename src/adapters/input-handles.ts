import { type FileHandle, open } from 'node:fs/promises';
import { cannotRead } from './os-errors.js';

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

/** Opens an input file and notes what it is; a file that is not there has no handle. */
export async function openInput(file: string): Promise<InputFile> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
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
