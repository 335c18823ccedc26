import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvUnitOfWork } from '../../src/adapters/csv-unit-of-work.js';
import { bootstrap } from '../../src/bootstrap.js';
import { Allocate, RestoreAllocation } from '../../src/domain/commands.js';
import { InputError } from '../../src/errors.js';
import { csvOf, entries, folderWith } from '../support/cli.js';

const FOLDER = {
  'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,10,', 'b2,LAMP,5,2027-01-01'),
  'orders.csv': csvOf('orderid,sku,qty'),
  'allocations.csv': csvOf('orderid,sku,qty,batchref', 'o1,CLOCK,4,b1'),
};

async function opened(files = FOLDER) {
  const dir = folderWith(files);
  const uow = await CsvUnitOfWork.open(dir, { waitSeconds: 0 });
  const bus = bootstrap({ uow });
  for (const b of uow.input.batches) bus.handle({ type: 'CreateBatch', ...b });
  const restored = uow.input.allocations.rows;
  for (let i = 0; i < restored.length; i++) {
    const [orderid, sku, qty] = [restored.orderid(i), restored.sku(i), restored.qty(i)];
    bus.handle(new RestoreAllocation(orderid, sku, qty, restored.batchref(i)));
  }
  return { dir, uow, bus };
}

describe('the CSV unit of work', () => {
  it('writes what was allocated and reads it back the same', async () => {
    const { dir, uow, bus } = await opened();
    bus.handle(new Allocate('o2', 'LAMP', 2));

    await uow.save([]);
    await uow.close();

    const text = readFileSync(join(dir, 'allocations.csv'), 'utf8');
    expect(text).toBe(csvOf('orderid,sku,qty,batchref', 'o1,CLOCK,4,b1', 'o2,LAMP,2,b2'));
    const again = await CsvUnitOfWork.open(dir, { waitSeconds: 0 });
    const { rows } = again.input.allocations;
    expect(Array.from({ length: rows.length }, (_, i) => rows.row(i))).toEqual([
      { orderid: 'o1', sku: 'CLOCK', qty: 4, batchref: 'b1' },
      { orderid: 'o2', sku: 'LAMP', qty: 2, batchref: 'b2' },
    ]);
    await again.close();
  });

  it('writes allocations in the order of the positions they came from', async () => {
    const { uow, bus } = await opened();
    const at = (position: number, orderid: string, sku: string) => {
      uow.position = position;
      bus.handle(new Allocate(orderid, sku, 1));
    };

    at(5, 'late-lamp', 'LAMP');
    at(3, 'early-clock', 'CLOCK');
    at(5, 'late-clock', 'CLOCK');
    at(4, 'middle-lamp', 'LAMP');

    expect(uow.allocationLines().map((line) => line.split(',')[0])).toEqual([
      'o1',
      'early-clock',
      'middle-lamp',
      'late-lamp',
      'late-clock',
    ]);
    await uow.close();
  });

  it('writes each amended line once, at its new position, after the log dropped the old ones', async () => {
    const count = 70_000;
    const { uow, bus } = await opened({
      ...FOLDER,
      'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,1000000,'),
      'allocations.csv': csvOf('orderid,sku,qty,batchref'),
    });
    const orderid = (i: number) => `o${String(i).padStart(5, '0')}`;

    for (let i = 0; i < count; i++) {
      uow.position = count - i;
      bus.handle(new Allocate(orderid(i), 'CLOCK', 1));
    }
    for (let i = 0; i < count; i++) {
      uow.position = count + i;
      bus.handle(new Allocate(orderid(i), 'CLOCK', 2));
    }

    const lines = uow.allocationLines();
    const wrong = lines.findIndex((line, i) => line !== `${orderid(i)},CLOCK,2,b1\n`);
    expect(uow.products.placed().length).toBeLessThan(2 * count);
    expect(lines.length).toBe(count);
    // The first line out of place, rather than a diff of 70,000.
    expect({ wrong, line: lines[wrong] }).toEqual({ wrong: -1, line: undefined });
    await uow.close();
  });

  it('groups lines by sku, in file order, for the run to handle sku by sku', async () => {
    const { uow } = await opened({
      ...FOLDER,
      'orders.csv': csvOf('orderid,sku,qty', 'o1,LAMP,1', 'o2,CLOCK,1', 'o3,LAMP,2', 'o4,CLOCK,3'),
    });

    const { rows, bySku } = await uow.input.orders;

    expect(Array.from(bySku, (i) => rows.orderid(i))).toEqual(['o1', 'o3', 'o2', 'o4']);
    await uow.close();
  });

  it('leaves the files untouched when a command is rolled back and nothing saved', async () => {
    const { dir, uow } = await opened();
    uow.products.get('CLOCK')?.allocate({ orderid: 'o9', sku: 'CLOCK', qty: 1 });

    uow.rollback();
    await uow.close();

    expect(uow.allocationLines()).toEqual(['o1,CLOCK,4,b1\n']);
    expect(readFileSync(join(dir, 'allocations.csv'), 'utf8')).toBe(FOLDER['allocations.csv']);
    expect(entries(dir)).toEqual(['allocations.csv', 'batches.csv', 'orders.csv']);
  });

  it('refuses a bad batch row with its file and line, and releases the folder', async () => {
    const dir = folderWith({ ...FOLDER, 'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,-1,') });

    const error = await CsvUnitOfWork.open(dir, { waitSeconds: 0 }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([
      { file: join(dir, 'batches.csv'), line: 2, message: 'qty "-1" is not a whole number' },
    ]);
    expect(entries(dir)).not.toContain('.allocate-from-csv.lock');
  });

  it('refuses a bad order row with its file and line when the order lines are asked for', async () => {
    const dir = folderWith({
      ...FOLDER,
      'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,3', 'o2,CLOCK,-1'),
    });
    const uow = await CsvUnitOfWork.open(dir, { waitSeconds: 0 });

    const error = await uow.input.orders.catch((e: unknown) => e);

    await uow.close();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([
      { file: join(dir, 'orders.csv'), line: 3, message: 'qty "-1" is not a whole number' },
    ]);
    expect(entries(dir)).not.toContain('.allocate-from-csv.lock');
  });

  it('writes availability per batch from the committed state', async () => {
    const { uow, bus } = await opened();
    bus.handle(new Allocate('o2', 'LAMP', 5));

    expect([...uow.availabilityRows()]).toEqual([
      ['b1', 'CLOCK', '', '10', '4', '6'],
      ['b2', 'LAMP', '2027-01-01', '5', '5', '0'],
    ]);
    await uow.close();
  });
});
