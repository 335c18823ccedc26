import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { generateFolder } from '../bench/generate.mjs';
import { entries, read, runCli } from '../support/cli.js';

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
