import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { copyOfFixture, csvOf, folderWith, read, runCli } from '../support/cli.js';

function allocatedPerBatch(dir: string): Map<string, number> {
  const [, ...rows] = parse(read(dir, 'allocations.csv'));
  const sums = new Map<string, number>();
  for (const [, , qty, ref] of rows) sums.set(ref ?? '', (sums.get(ref ?? '') ?? 0) + Number(qty));
  return sums;
}

describe('availability.csv', () => {
  it('agrees with allocations.csv for every batch, in batches.csv order', async () => {
    const dir = copyOfFixture('demo');

    await runCli([dir]);

    const [header, ...rows] = parse(read(dir, 'availability.csv'));
    const [, ...batches] = parse(read(dir, 'batches.csv'));
    expect(header).toEqual(['ref', 'sku', 'eta', 'qty', 'allocated', 'available']);
    expect(rows.map((r) => r.slice(0, 4))).toEqual(
      batches.map(([ref, sku, qty, eta]) => [ref, sku, eta, qty]),
    );
    const sums = allocatedPerBatch(dir);
    for (const [ref, , , qty, allocated, available] of rows) {
      expect(Number(allocated)).toBe(sums.get(ref ?? '') ?? 0);
      expect(Number(available)).toBe(Number(qty) - Number(allocated));
    }
  });

  it('is unchanged by a run that changes nothing', async () => {
    const dir = copyOfFixture('demo');
    await runCli([dir]);
    const before = read(dir, 'availability.csv');

    await runCli([dir]);

    expect(read(dir, 'availability.csv')).toBe(before);
  });

  it('follows a batch quantity change', async () => {
    const dir = folderWith({
      'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,10,', 'b2,CLOCK,10,2027-01-01'),
      'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,6', 'o2,CLOCK,4'),
    });
    await runCli([dir]);
    writeFileSync(
      join(dir, 'batches.csv'),
      csvOf('ref,sku,qty,eta', 'b1,CLOCK,7,', 'b2,CLOCK,10,2027-01-01'),
    );

    await runCli([dir]);

    expect(read(dir, 'availability.csv')).toBe(
      csvOf('ref,sku,eta,qty,allocated,available', 'b1,CLOCK,,7,6,1', 'b2,CLOCK,2027-01-01,10,4,6'),
    );
  });
});
