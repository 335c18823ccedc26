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
  const deadline = Date.now() + waitSeconds * 1000;
  const lost: { error?: Error } = {};
  const options = {
    lockfilePath: join(folder, LOCK_NAME),
    stale: STALE_MS,
    update: REFRESH_MS,
    onCompromised: (error: Error) => {
      lost.error = error;
    },
  };
  for (;;) {
    try {
      return heldLock(folder, await lockfile.lock(folder, options), lost);
    } catch (error) {
      const stop = whyNotWait(error, folder, deadline, waitSeconds);
      if (stop) throw stop;
      await sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
    }
  }
}

/** What to report instead of waiting on: any failure but another run's lock, or the deadline. */
function whyNotWait(error: unknown, folder: string, deadline: number, waitSeconds: number) {
  if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') {
    const message = `${folder}: cannot lock the folder: ${explain(error)}`;
    return new IoFailure(message, { file: folder }, { cause: error });
  }
  if (Date.now() < deadline) return undefined;
  return new FolderBusy(`${folder}: another run is using this folder (waited ${waitSeconds} s)`);
}

/** The lock once taken; `lost.error` is set if another run takes it over. */
function heldLock(
  folder: string,
  release: () => Promise<void>,
  lost: { error?: Error },
): FolderLock {
  return {
    check() {
      if (lost.error)
        throw new FolderBusy(`${folder}: lost the folder's lock (${lost.error.message})`);
    },
    async release() {
      if (!lost.error) await release().catch(() => undefined);
    },
  };
}
