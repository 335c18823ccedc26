import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import lockfile from 'proper-lockfile';
import { describe, expect, it } from 'vitest';
import { generateFolder } from '../bench/generate.mjs';
import { AFTER_A_RUN, entries, FILES, folderWith, read, runCli, snapshot } from '../support/cli.js';

const RUNS = 4;

describe('several runs started at once on one folder', () => {
  it('never interleave: valid final files, no over-allocation, no line twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allocate-concurrent-'));
    generateFolder(dir, 20_000, 11);

    const results = await Promise.all(
      Array.from({ length: RUNS }, () => runCli(['--quiet', '--wait', '60', dir])),
    );

    for (const { code } of results) expect([0, 1, 75]).toContain(code);
    expect(results.some(({ code }) => code === 0 || code === 1)).toBe(true);
    const [, ...batches] = parse(read(dir, 'batches.csv'));
    const [, ...orders] = parse(read(dir, 'orders.csv'));
    const [, ...allocations] = parse(read(dir, 'allocations.csv'));
    const [, ...unallocated] = parse(read(dir, 'unallocated.csv'));
    const capacity = new Map(batches.map(([ref, , qty]) => [ref, Number(qty)]));
    const used = new Map<string, number>();
    for (const [, , qty, ref] of allocations)
      used.set(ref ?? '', (used.get(ref ?? '') ?? 0) + Number(qty));
    for (const [ref, total] of used) expect(total).toBeLessThanOrEqual(capacity.get(ref) ?? -1);
    const key = (row: string[]) => `${row[0] ?? ''}\u0000${row[1] ?? ''}`;
    const allocated = new Set(allocations.map(key));
    expect(allocated.size).toBe(allocations.length);
    const reported = new Set(unallocated.map(key));
    for (const order of orders)
      expect(allocated.has(key(order)) !== reported.has(key(order))).toBe(true);
    expect(entries(dir).filter((f) => /tmp|lock/.test(f))).toEqual([]);
  }, 300_000);
});

describe('one run at a time', () => {
  it('exits 75 with nothing written when another run holds the folder', async () => {
    const dir = folderWith(FILES);
    const release = await lockfile.lock(dir, {
      lockfilePath: join(dir, '.allocate-from-csv.lock'),
    });
    const before = snapshot(dir);

    const { code, stderr } = await runCli(['--wait', '0.3', dir]);
    await release();

    expect(code).toBe(75);
    expect(stderr).toContain('another run is using this folder');
    expect(snapshot(dir)).toEqual(before);
  });

  it('waits for the other run to finish, then runs', async () => {
    const dir = folderWith(FILES);
    const release = await lockfile.lock(dir, {
      lockfilePath: join(dir, '.allocate-from-csv.lock'),
    });
    setTimeout(() => void release(), 500);

    const { code } = await runCli(['--wait', '10', dir]);

    expect(code).toBe(0);
  });

  it('takes over the stale lock and removes the temp files of a killed run', async () => {
    const dir = folderWith(FILES);
    const lock = join(dir, '.allocate-from-csv.lock');
    mkdirSync(lock);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    writeFileSync(
      join(dir, 'allocations.csv.tmp-4242-0badf00d'),
      'orderid,sku,qty,batchref\no1,CL',
    );

    const { code } = await runCli(['--wait', '1', dir]);

    expect(code).toBe(0);
    expect(entries(dir)).toEqual(AFTER_A_RUN);
  });
});
