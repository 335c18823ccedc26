import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineColumns } from '../../src/adapters/line-columns.js';

const lineFields = {
  orderid: fc.string({ minLength: 1 }),
  sku: fc.constantFrom('RETRO-CLOCK', 'OMINOUS-MIRROR', 'BLUE-VASE'),
  qty: fc.integer({ min: 1, max: 1_000_000_000 }),
};
const line = fc.record(lineFields);

describe('order lines held as columns', () => {
  it('gives back every row as it was pushed, past the first growth', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1025, maxLength: 2100 }), (lines) => {
        const columns = new LineColumns();

        for (const { orderid, sku, qty } of lines) columns.push(orderid, sku, qty);

        expect(columns.length).toBe(lines.length);
        expect(Array.from({ length: lines.length }, (_, i) => columns.row(i))).toEqual(lines);
      }),
      { numRuns: 30 },
    );
  });

  it('groups rows by sku, skus as they first appear, each sku in file order', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 200 }), (lines) => {
        const columns = new LineColumns();
        for (const { orderid, sku, qty } of lines) columns.push(orderid, sku, qty);

        const grouped = Array.from(columns.bySku());

        const skus = [...new Set(lines.map((l) => l.sku))];
        const expected = skus.flatMap((s) => lines.flatMap((l, i) => (l.sku === s ? [i] : [])));
        expect(grouped).toEqual(expected);
      }),
    );
  });

  it('appended to, gives and groups the rows as if every one had been pushed to it', () => {
    const row = fc.record({ ...lineFields, batchref: fc.constantFrom('B-1', 'B-2', 'é-3') });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 200 }), fc.nat(), (rows, at) => {
        const [whole, first, second] = [new LineColumns(), new LineColumns(), new LineColumns()];
        const split = at % (rows.length + 1);
        rows.forEach(({ orderid, sku, qty, batchref }, i) => {
          whole.push(orderid, sku, qty, batchref);
          (i < split ? first : second).push(orderid, sku, qty, batchref);
        });

        first.append(second);

        expect(Array.from({ length: first.length }, (_, i) => first.row(i))).toEqual(rows);
        expect(Array.from(first.bySku())).toEqual(Array.from(whole.bySku()));
      }),
    );
  });

  it('gives another thread its rows grouped by sku, each with its row in the file', () => {
    const row = fc.record({ ...lineFields, batchref: fc.constantFrom('B-1', 'B-2', 'é-3') });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 200 }), (rows) => {
        const columns = new LineColumns();
        for (const { orderid, sku, qty, batchref } of rows)
          columns.push(orderid, sku, qty, batchref);

        const received = new LineColumns(structuredClone(columns.groupedData()));

        const held = Array.from({ length: received.length }, (_, k) => received.row(k));
        const fileRows = Array.from({ length: received.length }, (_, k) => received.fileRow(k));
        expect(fileRows).toEqual(Array.from(columns.bySku()));
        expect(held).toEqual(fileRows.map((i) => rows[i]));
        expect(Array.from(received.bySku())).toEqual(held.map((_, k) => k));
      }),
    );
  });

  it('gives each row its row in the file after a part in file order and one that is not', () => {
    const [first, second] = [new LineColumns(), new LineColumns()];
    first.push('order-1', 'CLOCK', 1);
    first.push('order-2', 'LAMP', 1);
    for (const [orderid, sku] of [
      ['order-3', 'LAMP'],
      ['order-4', 'CLOCK'],
      ['order-5', 'LAMP'],
    ]) {
      second.push(orderid as string, sku as string, 1);
    }

    first.append(new LineColumns(second.groupedData()));

    const held = Array.from({ length: first.length }, (_, k) => first.row(k).orderid);
    expect(held).toEqual(['order-1', 'order-2', 'order-3', 'order-5', 'order-4']);
    expect(held.map((_, k) => first.fileRow(k))).toEqual([0, 1, 2, 4, 3]);
  });

  it('reads every column of a row it touches, for a walk to bring rows into the cache', () => {
    const touched = (orderid: string, sku: string, qty: number, batchref: string) => {
      const columns = new LineColumns();
      columns.push('order-1', 'CLOCK', 3, 'b-1');
      columns.push(orderid, sku, qty, batchref);
      return columns.touch(1);
    };

    const same = touched('order-1', 'CLOCK', 3, 'b-1');

    expect(touched('order-2', 'CLOCK', 3, 'b-1')).not.toBe(same);
    expect(touched('order-1', 'LAMP', 3, 'b-1')).not.toBe(same);
    expect(touched('order-1', 'CLOCK', 4, 'b-1')).not.toBe(same);
    expect(touched('order-1', 'CLOCK', 3, 'b-10')).not.toBe(same);
  });

  it('keeps the batchref of an allocation row', () => {
    const columns = new LineColumns();

    columns.push('order-1', 'RETRO-CLOCK', 3, 'warehouse-batch');

    expect(columns.row(0)).toEqual({
      orderid: 'order-1',
      sku: 'RETRO-CLOCK',
      qty: 3,
      batchref: 'warehouse-batch',
    });
  });
});
