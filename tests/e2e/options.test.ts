import { describe, expect, it } from 'vitest';
import { AFTER_A_RUN, BATCHES, csvOf, entries, folderWith, read, runCli } from '../support/cli.js';

describe('allocate-from-csv, options', () => {
  it('writes nothing on --dry-run and exits as the real run would', async () => {
    const dir = folderWith({
      'batches.csv': BATCHES,
      'orders.csv': csvOf('orderid,sku,qty', 'o1,sku1,101'),
    });

    const dry = await runCli(['--dry-run', dir]);

    expect(dry.code).toBe(1);
    expect(entries(dir)).toEqual(['batches.csv', 'orders.csv']);
    expect(dry.stderr).toMatch(/dry run, nothing written/);
    expect((await runCli([dir])).code).toBe(1);
  });

  it('prints one JSON object on stdout with --json, and nothing else there', async () => {
    const dir = folderWith({
      'batches.csv': BATCHES,
      'orders.csv': csvOf('orderid,sku,qty', 'o,sku1,3', 'o,sku2,500'),
    });

    const { stdout, code } = await runCli(['--json', '--quiet', dir]);

    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toMatchObject({
      linesRead: 2,
      allocated: 1,
      unallocated: { outOfStock: 1 },
      exitCode: 1,
    });
  });

  it('tells in --json how long each phase took, which add up to the seconds', async () => {
    const dir = folderWith({
      'batches.csv': BATCHES,
      'orders.csv': csvOf('orderid,sku,qty', 'o,sku1,3'),
    });
    type Timed = { seconds: number; phases: Record<string, number> };

    const real = JSON.parse((await runCli(['--json', dir])).stdout) as Timed;
    const dry = JSON.parse((await runCli(['--json', '--dry-run', dir])).stdout) as Timed;

    const phases = ['reading', 'batches', 'restoring', 'allocating', 'writing'];
    expect(Object.keys(real.phases)).toEqual(phases);
    const total = Object.values(real.phases).reduce((sum, s) => sum + s, 0);
    expect(Math.abs(total - real.seconds)).toBeLessThanOrEqual(0.006);
    expect(real.phases.writing).toBeGreaterThan(0);
    expect(dry.phases.writing).toBe(0);
  });

  it('prints nothing on stdout and no summary with --quiet', async () => {
    const dir = folderWith({
      'batches.csv': BATCHES,
      'orders.csv': csvOf('orderid,sku,qty', 'o,sku1,3'),
    });

    const { stdout, stderr, code } = await runCli(['--quiet', dir]);

    expect([stdout, stderr, code]).toEqual(['', '', 0]);
  });

  it('commits and exits as usual when the reader of stdout has gone (| head -c0)', async () => {
    const dir = folderWith({
      'batches.csv': BATCHES,
      'orders.csv': csvOf('orderid,sku,qty', 'o1,sku1,10'),
    });

    const { code, stderr } = await runCli(['--json', dir], {
      started: (child) => child.stdout?.destroy(),
    });

    expect(stderr).not.toMatch(/EPIPE|error/i);
    expect(code).toBe(0);
    expect(read(dir, 'allocations.csv')).toBe(csvOf('orderid,sku,qty,batchref', 'o1,sku1,10,b1'));
  });

  it('leaves no temp or lock files behind', async () => {
    const dir = folderWith({
      'batches.csv': BATCHES,
      'orders.csv': csvOf('orderid,sku,qty', 'o,sku1,3'),
    });

    await runCli([dir]);

    expect(entries(dir)).toEqual(AFTER_A_RUN);
  });
});
