import { describe, expect, it } from 'vitest';
import { csvOf, folderWith, read, runCli } from '../support/cli.js';

describe('allocate-from-csv, file order', () => {
  it('writes what it did in file order, though it works sku by sku', async () => {
    const dir = folderWith({
      'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,5,', 'b2,LAMP,3,', 'b3,MIRROR,10,'),
      'allocations.csv': csvOf(
        'orderid,sku,qty,batchref',
        ...['a1,LAMP,1,b2', 'a2,CLOCK,2,b1', 'a4,MIRROR,1,b3', 'a3,LAMP,1,b2'],
      ),
      'orders.csv': csvOf(
        'orderid,sku,qty',
        ...['o1,CLOCK,2', 'o2,LAMP,2', 'o3,GHOST,1', 'o4,CLOCK,1', 'o5,LAMP,1'],
        ...['o6,CLOCK,1', 'o7,MIRROR,1', 'a2,CLOCK,3'],
      ),
    });

    await runCli(['--events', `${dir}/events.jsonl`, dir]);

    expect(read(dir, 'allocations.csv')).toBe(
      csvOf(
        'orderid,sku,qty,batchref',
        ...['a1,LAMP,1,b2', 'a4,MIRROR,1,b3', 'a3,LAMP,1,b2', 'o1,CLOCK,2,b1'],
        ...['o4,CLOCK,1,b1', 'o5,LAMP,1,b2', 'o7,MIRROR,1,b3'],
      ),
    );
    expect(read(dir, 'unallocated.csv')).toBe(
      csvOf(
        'orderid,sku,qty,reason',
        ...['o2,LAMP,2,out-of-stock', 'o3,GHOST,1,unknown-sku', 'o6,CLOCK,1,out-of-stock'],
        'a2,CLOCK,3,out-of-stock',
      ),
    );
    const events = read(dir, 'events.jsonl').trim().split('\n').slice(1);
    expect(
      events
        .map((line) => JSON.parse(line) as { type: string; orderid: string })
        .map(({ type, orderid }) => `${type} ${orderid}`),
    ).toEqual([
      ...['Allocated o1', 'OutOfStock o2', 'Allocated o4', 'Allocated o5', 'OutOfStock o6'],
      ...['Allocated o7', 'Deallocated a2', 'OutOfStock a2'],
    ]);
  });

  it("ranks a sku's batches as listed, though it makes them sku by sku", async () => {
    const dir = folderWith({
      'batches.csv': csvOf(
        'ref,sku,qty,eta',
        ...['b1,CLOCK,5,2027-01-01', 'b2,LAMP,5,', 'b3,CLOCK,5,2027-01-01', 'b4,LAMP,5,'],
      ),
      'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,5', 'o2,LAMP,5', 'o3,CLOCK,5'),
    });

    await runCli([dir]);

    expect(read(dir, 'allocations.csv')).toBe(
      csvOf('orderid,sku,qty,batchref', 'o1,CLOCK,5,b1', 'o2,LAMP,5,b2', 'o3,CLOCK,5,b3'),
    );
    expect(
      read(dir, 'availability.csv')
        .split('\n')
        .map((line) => line.split(',')[0]),
    ).toEqual(['ref', 'b1', 'b2', 'b3', 'b4', '']);
  });
});
