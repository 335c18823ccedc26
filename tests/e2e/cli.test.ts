import { describe, expect, it } from 'vitest';
import {
  AFTER_A_RUN,
  copyOfFixture,
  csvOf,
  entries,
  folderWith,
  read,
  runCli,
} from '../support/cli.js';

const BATCHES = csvOf(
  'ref,sku,qty,eta',
  'b1,sku1,100,',
  'b2,sku2,100,2011-01-01',
  'b3,sku2,100,2011-01-02',
);

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

  it('leaves no temp or lock files behind', async () => {
    const dir = folderWith({
      'batches.csv': BATCHES,
      'orders.csv': csvOf('orderid,sku,qty', 'o,sku1,3'),
    });

    await runCli([dir]);

    expect(entries(dir)).toEqual(AFTER_A_RUN);
  });
});

describe('allocate-from-csv, usage', () => {
  it('shows help and exits 0', async () => {
    const { code, stdout } = await runCli(['--help']);

    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: allocate-from-csv \[options\] <folder>/);
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
});
