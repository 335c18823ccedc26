import { chmodSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvOf, folderWith, read, runCli, snapshot } from '../support/cli.js';

function events(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('--events', () => {
  const folder = () =>
    folderWith({
      'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,10,', 'b2,CLOCK,5,2027-01-01'),
      'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,6', 'o2,CLOCK,4', 'o3,CLOCK,9', 'o4,NOPE,1'),
      'allocations.csv': csvOf('orderid,sku,qty,batchref', 'o1,CLOCK,6,b1', 'o2,CLOCK,4,b1'),
    });

  it('appends a run header, then every event of a committed run', async () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'batches.csv'),
      csvOf('ref,sku,qty,eta', 'b1,CLOCK,7,', 'b2,CLOCK,5,2027-01-01'),
    );
    const log = join(dir, 'events.jsonl');

    const { code } = await runCli(['--events', log, dir]);

    expect(code).toBe(1);
    // Each line is written with its type first, then the event's fields in the README's order.
    expect(readFileSync(log, 'utf8').split('\n')[1]).toBe(
      '{"type":"Deallocated","orderid":"o2","sku":"CLOCK","qty":4,"batchref":"b1",' +
        '"reason":"over-allocated","schema":1}',
    );
    const [header, ...rest] = events(log);
    expect(header).toMatchObject({
      type: 'Run',
      schema: 1,
      folder: dir,
      counts: { linesRead: 4, reallocated: 1 },
    });
    expect(Date.parse(String(header?.time))).not.toBeNaN();
    expect(rest).toEqual([
      {
        type: 'Deallocated',
        schema: 1,
        orderid: 'o2',
        sku: 'CLOCK',
        qty: 4,
        batchref: 'b1',
        reason: 'over-allocated',
      },
      { type: 'Allocated', schema: 1, orderid: 'o2', sku: 'CLOCK', qty: 4, batchref: 'b2' },
      { type: 'OutOfStock', schema: 1, orderid: 'o3', sku: 'CLOCK', qty: 9 },
    ]);
    const [, ...unallocated] = parse(read(dir, 'unallocated.csv'));
    expect(unallocated.filter((u) => u[3] === 'out-of-stock')).toHaveLength(1);
  });

  it('has one Allocated per new allocation, and appends run after run', async () => {
    const dir = folderWith({
      'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,100,'),
      'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,1', 'o2,CLOCK,2', 'o3,CLOCK,3'),
    });
    const log = join(dir, 'events.jsonl');

    await runCli(['--events', log, dir]);
    await runCli(['--events', log, dir]);

    const all = events(log);
    expect(all.map((e) => e.type)).toEqual(['Run', 'Allocated', 'Allocated', 'Allocated', 'Run']);
    const [, ...allocations] = parse(read(dir, 'allocations.csv'));
    expect(allocations).toHaveLength(3);
  });

  it('says the allocations were committed when the append itself fails', async () => {
    const dir = folderWith({
      'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,10,'),
      'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,1'),
    });
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
    const dir = folderWith({
      'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,10,'),
      'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,1'),
    });
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
    const dir = folderWith({
      'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,10,'),
      'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,1'),
      'allocations.csv': csvOf('orderid,sku,qty,batchref', 'o0,CLOCK,1,b1'),
    });
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
    const dir = folderWith({
      'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,10,'),
      'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,1'),
      'log.jsonl': '{"type":"Run"}\n',
    });
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

  it.each([
    ['a dry run', ['--dry-run'], {}],
    ['a failed run', [], { 'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,x') }],
  ])('appends nothing for %s', async (_what, args, override) => {
    const dir = folderWith({
      'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,10,'),
      'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,1'),
      ...override,
    });
    const log = join(dir, 'events.jsonl');

    await runCli([...args, '--events', log, dir]);

    expect(existsSync(log)).toBe(false);
  });
});
