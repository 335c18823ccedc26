import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { folderWith } from '../support/cli.js';

const CODE_CACHE = new URL('../../dist/entrypoints/code-cache.js', import.meta.url);
const TWICE = 'const twice = (n) => n * 2; module.exports = { result: twice(21) };';

/**
 * Loads a bundle as bin/ does, in a process of its own: V8 keeps the scripts a process has
 * compiled, and does not look at a cache for one it already has. Prints whether the cache was
 * used and the bundle's `result`; with `save`, then saves the cache, as the build does.
 */
const LOAD = `
import { pathToFileURL } from 'node:url';
import { loadBundle, saveCodeCache } from '${CODE_CACHE.href}';
const [bundle, cache] = process.argv.slice(1, 3).map((path) => pathToFileURL(path));
const loaded = loadBundle(bundle, cache);
console.log(JSON.stringify({ cacheUsed: loaded.cacheUsed, result: loaded.exports.result }));
if (process.argv[3] === 'save') saveCodeCache(loaded, cache);
`;

interface Loaded {
  readonly cacheUsed: boolean;
  readonly result: unknown;
}

/** Loads `bundle` in a new process, with Node's `flags`; `save` then saves its cache. */
function load(bundle: string, cache: string, save = false, flags: string[] = []): Loaded {
  const args = [...flags, '--input-type=module', '-e', LOAD, bundle, cache];
  if (save) args.push('save');
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as Loaded;
}

/** A folder with `text` as its bundle, and a cache made for it by a first load. */
function trained(text: string) {
  const dir = folderWith({ 'bundle.cjs': text });
  const [bundle, cache] = [join(dir, 'bundle.cjs'), join(dir, 'bundle.cache')];
  load(bundle, cache, true);
  return { dir, bundle, cache };
}

describe('a bundle and its code cache', () => {
  it('is compiled from the cache made for it, and works the same', () => {
    const { bundle, cache } = trained(TWICE);

    expect(load(bundle, cache)).toEqual({ cacheUsed: true, result: 42 });
  });

  it('is compiled from its text when there is no cache', () => {
    const dir = folderWith({ 'bundle.cjs': TWICE });

    expect(load(join(dir, 'bundle.cjs'), join(dir, 'none'))).toEqual({
      cacheUsed: false,
      result: 42,
    });
  });

  it("never uses an older build's cache, even one of the same length", () => {
    const { bundle, cache } = trained(TWICE);
    writeFileSync(bundle, TWICE.replace('n * 2', 'n * 3'));

    expect(load(bundle, cache)).toEqual({ cacheUsed: false, result: 63 });
  });

  it('never uses a cache with a byte changed, which V8 itself would take', () => {
    const { bundle, cache } = trained(TWICE);
    const damaged = readFileSync(cache);
    const at = damaged.length - 5;
    damaged.writeUInt8(damaged.readUInt8(at) ^ 0xff, at);
    writeFileSync(cache, damaged);

    expect(load(bundle, cache)).toEqual({ cacheUsed: false, result: 42 });
  });

  it('is compiled from its text when V8 will not take the cache: other V8 flags', () => {
    const { bundle, cache } = trained(TWICE);

    const loaded = load(bundle, cache, false, ['--max-old-space-size=4096']);

    expect(loaded).toEqual({ cacheUsed: false, result: 42 });
  });

  it('runs the bundle as CommonJS: its own file and folder, and require beside it', () => {
    const text = "module.exports = { result: [__filename, __dirname, require('./b.cjs')] };";
    const dir = folderWith({ 'bundle.cjs': text, 'b.cjs': "module.exports = 'beside';" });

    const { result } = load(join(dir, 'bundle.cjs'), join(dir, 'none'));

    expect(result).toEqual([join(dir, 'bundle.cjs'), dir, 'beside']);
  });

  it('the built CLI is compiled from the cache the build made', () => {
    const dist = fileURLToPath(new URL('../../dist/entrypoints/', import.meta.url));

    expect(load(join(dist, 'main.cjs'), join(dist, 'main.cache')).cacheUsed).toBe(true);
  });

  it('and so it is by the start that bin/ requires, CommonJS as bin/ is', () => {
    const start = fileURLToPath(new URL('../../dist/entrypoints/start.cjs', import.meta.url));
    const bin = fileURLToPath(new URL('../../bin/package.json', import.meta.url));
    const script = `process.stdout.write(String(require(${JSON.stringify(start)}).fromCache))`;

    expect(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })).toBe('true');
    expect(JSON.parse(readFileSync(bin, 'utf8'))).toEqual({ type: 'commonjs' });
  });
});
