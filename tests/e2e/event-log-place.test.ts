import { chmodSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvOf, folderWith, read, runCli, snapshot } from '../support/cli.js';

/** A folder with one batch and one order line; its allocations.csv as asked. */
const small = (allocations?: string) =>
  folderWith({
    'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,10,'),
    'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,1'),
    ...(allocations === undefined ? {} : { 'allocations.csv': allocations }),
  });

describe('--events: where the log goes, checked before the run, and an append that fails', () => {
  it('says the allocations were committed when the append itself fails', async () => {
    const dir = small();
    const log = join(dir, 'log.jsonl');

    const { code, stderr } = await runCli(['--events', log, dir], { fault: 'enospc-append' });

    expect(code).toBe(74);
    expect(stderr).toMatch(
      /cannot append the events: no space left on device \(ENOSPC\); the allocations were committed/,
    );
    expect(read(dir, 'allocations.csv')).toBe(csvOf('orderid,sku,qty,batchref', 'o1,CLOCK,1,b1'));
  });

  it.each([
    [
      'in a folder that does not exist',
      'no-such-folder/log.jsonl',
      'no such file or folder (ENOENT)',
    ],
    ['that is a folder', '.', 'is a folder (EISDIR)'],
    ['under a file', 'orders.csv/log.jsonl', 'not a folder (ENOTDIR)'],
  ])('refuses a log %s before writing anything, dry run or not', async (_what, path, why) => {
    const dir = small();
    const before = snapshot(dir);

    for (const args of [['--dry-run'], []]) {
      const { code, stderr } = await runCli([...args, '--events', join(dir, path), dir]);

      expect(code).toBe(74);
      expect(stderr).toContain(
        `${join(dir, path)}: cannot append the events: ${why}; nothing was written`,
      );
      expect(snapshot(dir)).toEqual(before);
    }
  });

  it('reports a folder that is not there before a log that cannot be used', async () => {
    const dir = small();
    const missing = join(dir, 'no-such-folder');

    const { code, stderr } = await runCli(['--events', join(missing, 'log.jsonl'), missing]);

    expect(code).toBe(2);
    expect(stderr).toContain(`${missing}: no such folder`);
    expect(stderr).not.toContain('cannot append the events');
  });

  it.each([
    ['allocations.csv', (dir: string) => join(dir, 'allocations.csv'), 'allocations.csv'],
    ['orders.csv', (dir: string) => join(dir, 'orders.csv'), 'orders.csv'],
    [
      'unallocated.csv, not there yet',
      (dir: string) => join(dir, 'unallocated.csv'),
      'unallocated.csv',
    ],
    ['a link to allocations.csv', (dir: string) => join(dir, 'link'), 'allocations.csv'],
    [
      'allocations.csv by another path',
      (dir: string) => join(`${dir}-again`, 'allocations.csv'),
      'allocations.csv',
    ],
  ])('refuses %s as the log: the folder needs it', async (_what, pathIn, file) => {
    const dir = small(csvOf('orderid,sku,qty,batchref', 'o0,CLOCK,1,b1'));
    symlinkSync(join(dir, 'allocations.csv'), join(dir, 'link'));
    symlinkSync(dir, `${dir}-again`);
    const before = snapshot(dir);

    const { code, stderr } = await runCli(['--events', pathIn(dir), dir]);
    rmSync(`${dir}-again`);

    expect(code).toBe(2);
    expect(stderr).toContain(`${pathIn(dir)}: is the folder's ${file}, not a file of its own`);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a log the user may not write, before writing anything', async () => {
    const dir = small();
    writeFileSync(join(dir, 'log.jsonl'), '{"type":"Run"}\n');
    chmodSync(dir, 0o777);
    chmodSync(join(dir, 'log.jsonl'), 0o444);
    const before = snapshot(dir);

    const { code, stderr } = await runCli(['--events', join(dir, 'log.jsonl'), dir], {
      uid: 65534,
    });

    expect(code).toBe(74);
    expect(stderr).toContain('cannot append the events: permission denied (EACCES); nothing was');
    expect(snapshot(dir)).toEqual(before);
  });
});
