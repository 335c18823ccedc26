import { describe, expect, it } from 'vitest';
import { BATCHES, copyOfFixture, csvOf, folderWith, read, runCli } from '../support/cli.js';

describe('allocate-from-csv, runs and outcomes', () => {
  it('changes nothing when run again on the same folder', async () => {
    const dir = copyOfFixture('demo');
    await runCli([dir]);
    const first = ['allocations.csv', 'unallocated.csv', 'availability.csv'].map((f) =>
      read(dir, f),
    );

    const { stderr } = await runCli([dir]);

    expect(
      ['allocations.csv', 'unallocated.csv', 'availability.csv'].map((f) => read(dir, f)),
    ).toEqual(first);
    expect(stderr).toMatch(/already allocated\s+7/);
  });

  it('exits 0 when a re-run leaves everything allocated', async () => {
    const dir = folderWith({
      'batches.csv': BATCHES,
      'orders.csv': csvOf('orderid,sku,qty', 'o,sku1,3'),
    });
    await runCli([dir]);

    const { code } = await runCli([dir]);

    expect(code).toBe(0);
    expect(read(dir, 'allocations.csv')).toBe(csvOf('orderid,sku,qty,batchref', 'o,sku1,3,b1'));
  });

  it('exits 1 and lists out-of-stock and unknown-sku lines in unallocated.csv', async () => {
    const orders = csvOf('orderid,sku,qty', 'o1,sku1,101', 'o2,NO-SUCH-SKU,1', 'o3,sku1,5');
    const dir = folderWith({ 'batches.csv': BATCHES, 'orders.csv': orders });

    const { code } = await runCli([dir]);

    expect(code).toBe(1);
    expect(read(dir, 'unallocated.csv')).toBe(
      csvOf('orderid,sku,qty,reason', 'o1,sku1,101,out-of-stock', 'o2,NO-SUCH-SKU,1,unknown-sku'),
    );
    expect(read(dir, 'allocations.csv')).toBe(csvOf('orderid,sku,qty,batchref', 'o3,sku1,5,b1'));
  });

  it('moves the latest allocation off a batch whose qty was lowered', async () => {
    const dir = folderWith({
      'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,10,', 'b2,CLOCK,10,2027-01-01'),
      'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,6', 'o2,CLOCK,4'),
      'allocations.csv': csvOf('orderid,sku,qty,batchref', 'o1,CLOCK,6,b1', 'o2,CLOCK,4,b1'),
    });
    await runCli([dir]);
    const lowered = csvOf('ref,sku,qty,eta', 'b1,CLOCK,7,', 'b2,CLOCK,10,2027-01-01');
    await import('node:fs').then((fs) => fs.writeFileSync(`${dir}/batches.csv`, lowered));

    const { code, stderr } = await runCli([dir]);

    expect(code).toBe(0);
    expect(read(dir, 'allocations.csv')).toBe(
      csvOf('orderid,sku,qty,batchref', 'o1,CLOCK,6,b1', 'o2,CLOCK,4,b2'),
    );
    expect(stderr).toMatch(/reallocated\s+1/);
  });

  it('reports every line of a sku with no batch, restored or ordered, once each, in file order', async () => {
    const dir = folderWith({
      'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,10,'),
      'allocations.csv': csvOf(
        'orderid,sku,qty,batchref',
        'o1,SOFA,1,b9',
        'o2,CLOCK,1,b1',
        'o3,SOFA,2,b9',
      ),
      'orders.csv': csvOf(
        'orderid,sku,qty',
        'o4,GHOST,1',
        'o5,CLOCK,1',
        'o6,GHOST,2',
        'o1,SOFA,1',
        'o7,GHOST,3',
      ),
    });

    const { code } = await runCli([dir]);

    expect(code).toBe(1);
    expect(read(dir, 'unallocated.csv')).toBe(
      csvOf(
        'orderid,sku,qty,reason',
        ...['o1,SOFA,1,unknown-sku', 'o3,SOFA,2,unknown-sku', 'o4,GHOST,1,unknown-sku'],
        ...['o6,GHOST,2,unknown-sku', 'o7,GHOST,3,unknown-sku'],
      ),
    );
    expect(read(dir, 'allocations.csv')).toBe(
      csvOf('orderid,sku,qty,batchref', 'o2,CLOCK,1,b1', 'o5,CLOCK,1,b1'),
    );
  });

  it('reports a line tried twice once, where first reported, as last tried', async () => {
    const dir = folderWith({
      'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,0,', 'b2,LAMP,0,'),
      'allocations.csv': csvOf('orderid,sku,qty,batchref', 'o1,CLOCK,5,b1', 'o3,CLOCK,2,b1'),
      'orders.csv': csvOf(
        'orderid,sku,qty',
        ...['o1,CLOCK,3', 'o5,LAMP,1', 'o4,CLOCK,1', 'o6,LAMP,2', 'o3,CLOCK,2'],
      ),
    });

    const { code } = await runCli([dir]);

    // Both allocations are taken back, latest first, and fail again; o1 is then amended to 3.
    expect(code).toBe(1);
    expect(read(dir, 'unallocated.csv')).toBe(
      csvOf(
        'orderid,sku,qty,reason',
        ...['o3,CLOCK,2,out-of-stock', 'o1,CLOCK,3,out-of-stock', 'o5,LAMP,1,out-of-stock'],
        ...['o4,CLOCK,1,out-of-stock', 'o6,LAMP,2,out-of-stock'],
      ),
    );
  });

  it('reallocates lines whose batch left or changed sku, and reports a sku that is gone', async () => {
    const dir = folderWith({
      'batches.csv': csvOf('ref,sku,qty,eta', 'b2,CLOCK,10,', 'b3,LAMP,10,'),
      'orders.csv': csvOf('orderid,sku,qty'),
      'allocations.csv': csvOf(
        'orderid,sku,qty,batchref',
        'o1,CLOCK,2,b1',
        'o2,CLOCK,3,b3',
        'o3,SOFA,1,b9',
        'o4,LAMP,4,b3',
      ),
    });

    const { code, stderr } = await runCli([dir]);

    expect(code).toBe(1);
    expect(read(dir, 'allocations.csv')).toBe(
      csvOf('orderid,sku,qty,batchref', 'o4,LAMP,4,b3', 'o1,CLOCK,2,b2', 'o2,CLOCK,3,b2'),
    );
    expect(read(dir, 'unallocated.csv')).toBe(
      csvOf('orderid,sku,qty,reason', 'o3,SOFA,1,unknown-sku'),
    );
    expect(stderr).toMatch(/reallocated\s+2/);
  });
});
