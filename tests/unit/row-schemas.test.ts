import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvTable, sniffDelimiter } from '../../src/adapters/csv-table.js';
import { LineColumns } from '../../src/adapters/line-columns.js';
import { ORDER_COLUMNS } from '../../src/adapters/column-rules.js';
import { readRows } from '../../src/adapters/row-schemas.js';
import { orderSink } from '../../src/adapters/row-sinks.js';

/** Reads order rows from `table`, as objects. */
function readOrders(table: CsvTable) {
  const lines = new LineColumns();
  const { problems } = readRows(table, ORDER_COLUMNS, orderSink(lines));
  return { rows: Array.from({ length: lines.length }, (_, i) => lines.row(i)), problems };
}

function tableOf(rows: string[][], header = ['orderid', 'sku', 'qty']): CsvTable {
  return {
    file: 'orders.csv',
    header,
    forEachRow: (visit) => {
      rows.forEach((cells, i) => {
        visit(cells, i);
      });
    },
    lineOf: (i) => i + 2,
  };
}

const cell = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', '7', ' 42 ', '007', '1e3', '0x10', '-1', '1,5', '0', '٣'),
  fc.constantFrom('999999999', '0999999999', '1000000000', '1000000001', '0000000000001'),
);

describe('reading rows', () => {
  it('accepts exactly what the zod schemas accept, with their values', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { maxLength: 20 }), (cells) => {
        const { rows, problems } = readOrders(tableOf(cells));

        const expected = cells.map(([orderid, sku, qty]) => [
          ORDER_COLUMNS.orderid.safeParse(orderid),
          ORDER_COLUMNS.sku.safeParse(sku),
          ORDER_COLUMNS.qty.safeParse(qty),
        ]);
        const blank = cells.map((row) => row.every((v) => v.trim() === ''));
        const good = expected.filter((r, i) => !blank[i] && r.every((p) => p.success));
        expect(rows).toEqual(
          good.map(([o, s, q]) => ({ orderid: o?.data, sku: s?.data, qty: q?.data })),
        );
        const counted = cells.length - blank.filter(Boolean).length;
        expect(new Set(problems.map((p) => p.ref)).size).toBe(counted - good.length);
      }),
    );
  });

  it('names the column and the value in a problem', () => {
    const { problems } = readOrders(tableOf([['o1', 'CLOCK', '1,5']]));

    expect(problems).toEqual([{ ref: 0, message: 'qty "1,5" is not a whole number' }]);
  });

  it('says a quantity too large for a number is too large', () => {
    const huge = '9'.repeat(400);

    const { problems } = readOrders(tableOf([['o1', 'CLOCK', huge]]));

    const shown = `"${huge.slice(0, 40)}…" (400 characters)`;
    expect(problems).toEqual([{ ref: 0, message: `qty ${shown} must be at most 1000000000` }]);
  });

  it('reports every missing column at once, on the header', () => {
    const table = tableOf([], ['sku', '']);

    const { problems } = readOrders(table);

    expect(problems).toEqual([
      { ref: -1, message: 'missing column "orderid", "qty" (the header has: sku)' },
    ]);
  });

  it.each([
    [['orderid', 'sku', 'qty', 'qty'], 'column "qty" is in the header twice (columns 3 and 4)'],
    [
      ['sku', 'sku', 'orderid', 'qty', 'sku'],
      'column "sku" is in the header 3 times (columns 1, 2 and 5)',
    ],
  ])('refuses a header that names a column it reads more than once: %j', (header, message) => {
    const table = tableOf([['o1', 'CLOCK', '3', '4', '5']], header);

    const { rows, problems } = readOrders(table);

    expect(rows).toEqual([]);
    expect(problems).toEqual([{ ref: -1, message }]);
  });

  it('ignores values under a column named twice or not named, that it does not read', () => {
    const header = ['note', 'orderid', '', 'sku', 'qty', 'note'];
    const table = tableOf([['a', 'o1', 'b', 'CLOCK', '3', 'c']], header);

    const { rows, problems } = readOrders(table);

    expect(problems).toEqual([]);
    expect(rows).toEqual([{ orderid: 'o1', sku: 'CLOCK', qty: 3 }]);
  });

  it('gives the unnamed columns that have a value in a row kept, numbered from 1', () => {
    const header = ['orderid', '', 'sku', 'qty', '', ''];
    const rows = [
      ['o1', ' ', 'CLOCK', '3', 'call first', ''],
      ['o2', 'x', 'CLOCK', 'three', '', ''],
      ['o3', '', 'CLOCK', '4', 'y', ''],
    ];

    const { unnamedWithValues } = readRows(tableOf(rows, header), ORDER_COLUMNS, () => undefined);

    expect(unnamedWithValues).toEqual([5]);
  });

  it('says a row that repeats the header repeats it, and nothing else about it', () => {
    const table = tableOf([
      ['o1', 'CLOCK', '3'],
      ['OrderID ', 'sku', 'QTY'],
    ]);

    const { rows, problems } = readOrders(table);

    expect(rows).toEqual([{ orderid: 'o1', sku: 'CLOCK', qty: 3 }]);
    expect(problems).toEqual([
      { ref: 1, message: 'repeats the header (two files joined into one?): remove the line' },
    ]);
  });

  it('counts every column of the header, named or not, in a row too long', () => {
    const table = tableOf([['o1', 'CLOCK', '3', '', 'x']], ['orderid', 'sku', 'qty', '']);

    const { problems } = readOrders(table);

    expect(problems).toEqual([{ ref: 0, message: 'has 5 values, the header has 4 columns' }]);
  });
});

describe('sniffing the delimiter from the header', () => {
  it.each([
    ['orderid,sku,qty', ','],
    ['orderid;sku;qty;notes, with a comma', ';'],
    ['orderid\tsku\tqty', '\t'],
    ['"OrderId";"SKU";"Qty"', ';'],
    [' Ref , SKU , Qty , ETA ', ','],
  ])('%j is split on %j', (header, delimiter) => {
    expect(sniffDelimiter(header, ['orderid', 'sku', 'qty', 'ref', 'eta'])).toBe(delimiter);
  });
});
