import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, FILES, folderWith, ROOT } from '../support/cli.js';

/**
 * The Node modules a run loads, as Node lists them (`process.moduleLoadList`), with stdout and
 * stderr piped, as under cron or a script.
 */
function modulesLoadedBy(args: string[]): string[] {
  const dir = folderWith(FILES);
  const list = join(folderWith({}), 'modules.txt');
  const preload = join(ROOT, 'tests/support/loaded-modules.cjs');
  const run = spawnSync(process.execPath, ['--require', preload, BIN, ...args, dir], {
    env: { ...process.env, LOADED_MODULES: list },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  expect(run.status).toBe(0);
  return readFileSync(list, 'utf8').split('\n');
}

/** What a run never uses, yet Node would load: each costs a start a millisecond or more. */
const UNUSED = [
  'NativeModule child_process',
  'NativeModule assert',
  'NativeModule net',
  'NativeModule perf_hooks',
];

describe('a start that loads only what the run uses', () => {
  it('a quiet run loads neither child_process, assert, a socket for stderr, nor perf_hooks', () => {
    const loaded = modulesLoadedBy(['--quiet']);

    expect(loaded).toContain('NativeModule fs/promises');
    expect(UNUSED.filter((name) => loaded.includes(name))).toEqual([]);
  });

  it('nor does one that prints its summary and its JSON to pipes', () => {
    const loaded = modulesLoadedBy(['--json']);

    expect(UNUSED.filter((name) => loaded.includes(name))).toEqual([]);
  });
});
