import { readdir, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** Temp files are named `<target>.tmp-<pid>-<random>` in the target's folder. */
const TEMP = /\.tmp-\d+-[0-9a-f]{8}$/;

/** A name for a new temp file beside `target`. */
export function tempFor(target: string): string {
  return `${target}.tmp-${process.pid}-${randomHex()}`;
}

/** The file a temp file is made for; any other path as it is. */
export function targetOf(path: string): string {
  return path.replace(TEMP, '');
}

/** Removes temp files a killed run left beside `targets` (call it while holding the lock). */
export async function removeStaleTemps(folder: string, targets: readonly string[]): Promise<void> {
  const names = new Set(targets.map((t) => basename(t)));
  const entries = await readdir(folder).catch(() => []);
  const stale = entries.filter((e) => TEMP.test(e) && names.has(targetOf(e)));
  await Promise.all(stale.map((e) => unlink(join(folder, e)).catch(() => {})));
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
