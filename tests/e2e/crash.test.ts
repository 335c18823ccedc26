import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateFolder, generator } from '../bench/generate.mjs';
import { entries, runCli } from '../support/cli.js';

const LINES = 200_000;
const KILLS = Number(process.env.CRASH_KILLS ?? 6);

const base = mkdtempSync(join(tmpdir(), 'allocate-crash-'));
let oldAllocations = '';
let newAllocations = '';
let runMs = 0;

/** A folder with 200k order lines, half of them allocated by an earlier run. */
beforeAll(async () => {
  const { orders, firstHalf } = generateFolder(base, LINES, 7);
  writeFileSync(join(base, 'orders.csv'), firstHalf);
  await runCli(['--quiet', base]);
  writeFileSync(join(base, 'orders.csv'), orders);
  oldAllocations = readFileSync(join(base, 'allocations.csv'), 'utf8');
  const reference = copy();
  const started = performance.now();
  await runCli(['--quiet', reference]);
  runMs = performance.now() - started;
  newAllocations = readFileSync(join(reference, 'allocations.csv'), 'utf8');
}, 120_000);

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'allocate-crash-run-'));
  cpSync(base, dir, { recursive: true });
  return dir;
}

describe('a run killed at any moment', () => {
  it('leaves allocations.csv whole, old or new, and the next run succeeds', async () => {
    expect(newAllocations).not.toBe(oldAllocations);
    const random = generator(2026);
    const moments: number[] = [];
    for (let i = 0; i < KILLS; i++) {
      // Half anywhere in the run, half in its last fifth, where it writes.
      const at = i % 2 === 0 ? random() * runMs : runMs * (0.8 + 0.3 * random());
      moments.push(Math.round(at));
      const dir = copy();

      const killed = await runCli([dir], {
        started: (child) => setTimeout(() => child.kill('SIGKILL'), at),
      });

      const after = readFileSync(join(dir, 'allocations.csv'), 'utf8');
      expect(after === oldAllocations || after === newAllocations, `killed at ${at} ms`).toBe(true);
      const next = await runCli(['--quiet', '--wait', '20', dir]);
      expect([0, 1], `next run after a kill at ${at} ms (${String(killed.code)})`).toContain(
        next.code,
      );
      expect(readFileSync(join(dir, 'allocations.csv'), 'utf8')).toBe(newAllocations);
      expect(entries(dir).filter((f) => /tmp|lock/.test(f))).toEqual([]);
    }
    expect(moments).toHaveLength(KILLS);
  }, 600_000);
});
