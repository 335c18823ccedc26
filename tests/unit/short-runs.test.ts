import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SHORT_RUN_BYTES, withShortRunCompiler } from '../../src/entrypoints/short-runs.js';

/**
 * V8's flags as a code cache made now records them: its header holds a hash of them, which is
 * how V8 refuses a cache made under other flags, and the one way to read them from here.
 */
function flags(): string {
  const script = new Script('function twice(n) { return 2 * n; } twice(21);');
  script.runInThisContext();
  return script.createCachedData().subarray(0, HEADER_BYTES).toString('hex');
}

/** A code cache's magic number, V8's version, the source's hash and the flags' hash. */
const HEADER_BYTES = 16;

describe("a run's compiler, by the size of its folder's inputs", () => {
  let folder: string;
  let before: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'short-runs-'));
    writeFileSync(join(folder, 'batches.csv'), 'ref,sku,qty,eta\nb1,LAMP,10,\n');
    writeFileSync(join(folder, 'orders.csv'), 'orderid,sku,qty\no1,LAMP,1\n');
    before = flags();
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('a small folder runs under other flags, and the defaults are back once it is done', async () => {
    const during = await withShortRunCompiler(folder, () => Promise.resolve(flags()));

    expect(during).not.toBe(before);
    expect(flags()).toBe(before);
  });

  it('and back as well when the run fails', async () => {
    const failing = withShortRunCompiler(folder, () => Promise.reject(new Error('no')));

    await expect(failing).rejects.toThrow('no');
    expect(flags()).toBe(before);
  });

  it('a large folder runs under the flags as they were, allocations.csv counted too', async () => {
    truncateSync(join(folder, 'orders.csv'), SHORT_RUN_BYTES / 2);
    writeFileSync(join(folder, 'allocations.csv'), '');
    truncateSync(join(folder, 'allocations.csv'), SHORT_RUN_BYTES / 2);

    const during = await withShortRunCompiler(folder, () => Promise.resolve(flags()));

    expect(during).toBe(before);
  });
});
