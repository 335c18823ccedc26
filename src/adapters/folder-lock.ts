import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { FolderBusy, IoFailure } from '../errors.js';

export const LOCK_NAME = '.allocate-from-csv.lock';
/** A lock not refreshed for this long belongs to a run that was killed. */
const STALE_MS = 5_000;
const REFRESH_MS = 1_000;
const POLL_MS = 100;

/** The folder's inter-process lock, held from the first read to the last write. */
export interface FolderLock {
  /** Throws FolderBusy if another run took the lock over (ours went stale). */
  check(): void;
  release(): Promise<void>;
}

/** Takes the folder's lock, waiting up to `waitSeconds` for another run to finish. */
export async function lockFolder(folder: string, waitSeconds: number): Promise<FolderLock> {
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(folder, {
      lockfilePath: join(folder, LOCK_NAME),
      stale: STALE_MS,
      update: REFRESH_MS,
      retries: {
        retries: Math.ceil((waitSeconds * 1000) / POLL_MS),
        factor: 1,
        minTimeout: POLL_MS,
        maxTimeout: POLL_MS,
      },
      onCompromised: (error) => {
        compromised = error;
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOCKED') {
      throw new FolderBusy(`${folder}: another run is using this folder (waited ${waitSeconds} s)`);
    }
    throw new IoFailure(
      `${folder}: cannot lock the folder (${code ?? String(error)})`,
      { file: folder },
      { cause: error },
    );
  }
  return {
    check() {
      if (compromised)
        throw new FolderBusy(`${folder}: lost the folder's lock (${compromised.message})`);
    },
    async release() {
      if (!compromised) await release().catch(() => {});
    },
  };
}
