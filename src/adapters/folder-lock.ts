import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';
import { FolderBusy, IoFailure } from '../errors.js';
import { explain } from './os-errors.js';

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

/**
 * Takes the folder's lock, waiting up to `waitSeconds` while another run holds it. Any other
 * failure (a read-only folder, no permission) is reported at once, not waited on.
 */
export async function lockFolder(folder: string, waitSeconds: number): Promise<FolderLock> {
  let compromised: Error | undefined;
  const deadline = Date.now() + waitSeconds * 1000;
  const options = {
    lockfilePath: join(folder, LOCK_NAME),
    stale: STALE_MS,
    update: REFRESH_MS,
    onCompromised: (error: Error) => {
      compromised = error;
    },
  };
  for (;;) {
    try {
      const release = await lockfile.lock(folder, options);
      return {
        check() {
          if (compromised)
            throw new FolderBusy(`${folder}: lost the folder's lock (${compromised.message})`);
        },
        async release() {
          if (!compromised) await release().catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') {
        const message = `${folder}: cannot lock the folder: ${explain(error)}`;
        throw new IoFailure(message, { file: folder }, { cause: error });
      }
      if (Date.now() >= deadline) {
        throw new FolderBusy(
          `${folder}: another run is using this folder (waited ${waitSeconds} s)`,
        );
      }
      await sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
    }
  }
}
