import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import * as zlib from 'node:zlib';

/**
 * The CLI is one CommonJS file (esbuild.config.mjs), compiled at start-up from V8's code cache
 * for it, made by the build: V8 then reads the bytecode of every function the build's own run
 * used instead of parsing and compiling them again (see the README's Performance). A cache that
 * V8 cannot use (another Node, other V8 flags) is ignored, and the file compiled as usual.
 *
 * V8 checks a cache against its script's length only, and does not check its own bytes: the
 * file starts with a CRC-32 of the bundle's text and one of the cache, so that a cache from an
 * older build of the same length, or one damaged on disk, is never used. A checksum, not a
 * cryptographic hash: it guards against accidents, and loading node:crypto and hashing took
 * some 3 to 5 ms of every start. Node 20 before 20.15 has no `zlib.crc32`: there the CLI is
 * compiled from its text, without a cache.
 */
export interface LoadedBundle<T> {
  readonly exports: T;
  /** The text it was compiled from, which its cache is made for. */
  readonly text: string;
  /** The compiled file, whose cache `saveCodeCache` writes. */
  readonly script: Script;
  /** Whether V8 compiled it from the cache. */
  readonly cacheUsed: boolean;
}

/** The CLI's bundle and its cache, beside this module in dist/entrypoints/. */
export const CLI_BUNDLE = new URL('./main.cjs', import.meta.url);
export const CLI_CODE_CACHE = new URL('./main.cache', import.meta.url);

/** What Node puts around a CommonJS module's text. */
const HEAD = '(function (exports, require, module, __filename, __dirname) {';
const TAIL = '\n})';
const HEADER_BYTES = 8;
const crc32 = (zlib as { crc32?: typeof zlib.crc32 }).crc32;

/** The cache's first bytes: what it was made for, then what it should hold; none without crc32. */
function header(text: string, v8Data: Buffer): Buffer | undefined {
  if (crc32 === undefined) return undefined;
  const bytes = Buffer.alloc(HEADER_BYTES);
  bytes.writeUInt32LE(crc32(text), 0);
  bytes.writeUInt32LE(crc32(v8Data), 4);
  return bytes;
}

/** The cache's V8 data, if the cache was made for `text` and is whole. */
function cacheFor(cache: URL, text: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(cache);
  } catch {
    return undefined;
  }
  const v8Data = data.subarray(HEADER_BYTES);
  const expected = header(text, v8Data);
  return expected && data.subarray(0, HEADER_BYTES).equals(expected) ? v8Data : undefined;
}

/** Runs the CommonJS file `bundle` as `require` would, compiled from `cache` where it can be. */
export function loadBundle<T>(bundle: URL, cache: URL): LoadedBundle<T> {
  const filename = fileURLToPath(bundle);
  const text = readFileSync(filename, 'utf8');
  const cachedData = cacheFor(cache, text);
  const script = new Script(HEAD + text + TAIL, { filename, cachedData });
  const module = { exports: {} as T };
  const wrapped = script.runInThisContext() as (...args: unknown[]) => void;
  wrapped(module.exports, createRequire(filename), module, filename, dirname(filename));
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  return { exports: module.exports, text, script, cacheUsed };
}

/**
 * Writes the code cache of a loaded bundle, with the bytecode of every function run so far, for
 * the next `loadBundle` (none where Node has no `zlib.crc32`). Written to a temporary name, then
 * renamed: a build stopped halfway leaves the old cache or the new one, never half of one.
 */
export function saveCodeCache(loaded: LoadedBundle<unknown>, cache: URL): void {
  const staged = fileURLToPath(cache) + '.tmp';
  const v8Data = loaded.script.createCachedData();
  const head = header(loaded.text, v8Data);
  if (head === undefined) return;
  writeFileSync(staged, Buffer.concat([head, v8Data]));
  renameSync(staged, cache);
}
