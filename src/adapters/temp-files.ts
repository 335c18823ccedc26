import type { Dirent } from 'node:fs';
import { readdir, realpath, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temp files are named `<target>.tmp-<pid>-<random>` beside their target. */
const TEMP = /\.tmp-(\d+)-[0-9a-f]{8}$/;

/** A name for a new temp file beside `target`. */
export function tempFor(target: string): string {
  return `${target}.tmp-${process.pid}-${randomHex()}`;
}

/** The file a temp file is made for; any other path as it is. */
export function targetOf(path: string): string {
  return path.replace(TEMP, '');
}

/**
 * Removes temp files a killed run left beside `targets` (call it while holding the folder's
 * lock). A target that is a link has its temp files beside the file it leads to (see
 * `stageFile`), maybe in a folder the lock does not cover: there, only those of a process that
 * is no longer running go.
 */
export async function removeStaleTemps(folder: string, targets: readonly string[]): Promise<void> {
  const names = new Set(targets.map((t) => basename(t)));
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  await removeTemps(folder, entries, names, () => true);
  for (const link of entries.filter((e) => e.isSymbolicLink() && names.has(e.name))) {
    const real = await realpath(join(folder, link.name)).catch(() => undefined);
    if (real === undefined) continue;
    const beside = await readdir(dirname(real), { withFileTypes: true }).catch(() => []);
    await removeTemps(dirname(real), beside, new Set([basename(real)]), isGone);
  }
}

/** Removes the temp files among `entries` made for one of `names` by a process that `mayGo`. */
async function removeTemps(
  folder: string,
  entries: readonly Dirent[],
  names: ReadonlySet<string>,
  mayGo: (pid: number) => boolean,
): Promise<void> {
  const stale = entries.filter(({ name }) => {
    const pid = TEMP.exec(name)?.[1];
    return pid !== undefined && names.has(targetOf(name)) && mayGo(Number(pid));
  });
  await Promise.all(stale.map(({ name }) => unlink(join(folder, name)).catch(() => {})));
}

/** Whether no process has this id. */
function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Eight hex digits, to tell apart temp files of one process. They need not be unpredictable:
 * the file is created only if no file has its name (O_EXCL).
 */
function randomHex(): string {
  return Math.floor(Math.random() * 2 ** 32)
    .toString(16)
    .padStart(8, '0');
}
