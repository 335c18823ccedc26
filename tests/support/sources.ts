import { writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { type ByteSource, bytesSource } from '../../src/adapters/byte-source.js';
import { folderWith } from './cli.js';

/** Bytes that come at most `most` at a time, as a slow file might: a piece for every few lines. */
export function trickle(bytes: Buffer, most: number): ByteSource {
  const whole = bytesSource(bytes);
  return {
    read: (into, offset, length, position) =>
      whole.read(into, offset, Math.min(length, most), position),
  };
}

/** `content` written to a temp file, opened for reading; the caller closes it. */
export async function openedFile(name: string, content: Buffer | string) {
  const path = join(folderWith({}), name);
  writeFileSync(path, content);
  return { path, handle: await open(path, 'r') };
}
