import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvOf, folderWith, read, runCli } from '../support/cli.js';

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
