import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BATCHES, csvOf, folderWith, GOOD, read, runCli } from '../support/cli.js';

describe("allocate-from-csv, the book's cases", () => {
  it('allocates each line to the preferred batch', async () => {
    const dir = folderWith({
      'batches.csv': BATCHES,
      'orders.csv': csvOf('orderid,sku,qty', 'o,sku1,3', 'o,sku2,12'),
    });

    const { code } = await runCli([dir]);

    expect(code).toBe(0);
    expect(read(dir, 'allocations.csv')).toBe(
      csvOf('orderid,sku,qty,batchref', 'o,sku1,3,b1', 'o,sku2,12,b2'),
    );
  });

  it('keeps existing allocations first and appends new ones after', async () => {
    const dir = folderWith({
      'batches.csv': csvOf('ref,sku,qty,eta', 'b1,sku1,10,', 'b2,sku1,100,2011-01-01'),
      'orders.csv': csvOf('orderid,sku,qty', 'o1,sku1,10', 'o2,sku1,7'),
      'allocations.csv': csvOf('orderid,sku,qty,batchref', 'o1,sku1,10,b1'),
    });

    const { code } = await runCli([dir]);

    expect(code).toBe(0);
    expect(read(dir, 'allocations.csv')).toBe(
      csvOf('orderid,sku,qty,batchref', 'o1,sku1,10,b1', 'o2,sku1,7,b2'),
    );
  });
});

describe('allocate-from-csv, usage', () => {
  it('shows help, with what it writes and its exit codes, and exits 0', async () => {
    const { code, stdout } = await runCli(['--help']);

    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: allocate-from-csv \[options\] <folder>/);
    expect(stdout).toMatch(/allocations\.csv, unallocated\.csv and availability\.csv/);
    for (const exit of ['0', '1', '2', '70', '74', '75'])
      expect(stdout).toMatch(new RegExp(`^  ${exit} +\\w`, 'm'));
    expect(stdout).toMatch(/Ctrl-C .* ends by that signal, nothing written/);
    expect(stdout).not.toMatch(/default: false/);
  });

  it('shows its version and exits 0', async () => {
    const { code, stdout } = await runCli(['--version']);

    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each([[['--bogus', 'x']], [[]], [['--wait', 'soon', 'x']]])(
    'exits 2 on a usage error: %j',
    async (args) => {
      const { code, stderr } = await runCli(args);

      expect(code).toBe(2);
      expect(stderr).toMatch(/error/);
    },
  );

  it('exits 2 for a folder that does not exist', async () => {
    const { code, stderr } = await runCli(['/no/such/folder']);

    expect(code).toBe(2);
    expect(stderr).toMatch(/\/no\/such\/folder: no such folder/);
  });

  it('exits 2 for one of the files given in place of its folder, naming the folder', async () => {
    const dir = folderWith(GOOD);
    const file = join(dir, 'orders.csv');

    const { code, stderr } = await runCli([file]);

    expect(code).toBe(2);
    expect(stderr).toContain(
      `${file}: is a file, not a folder: give the folder that holds it, ${dir}`,
    );
  });
});
