import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesSource, lineStartAfter, sourceBefore } from '../../src/adapters/byte-source.js';
import { NotPlain, streamedTable } from '../../src/adapters/csv-streamed-table.js';
import { type CsvTable, readTable } from '../../src/adapters/csv-table.js';
import { decodeSpreadsheet } from '../../src/adapters/decode.js';
import { parseFile } from '../../src/adapters/input-files.js';
import { trickle } from '../support/sources.js';

const EXPECTED = ['orderid', 'sku', 'qty'];

/** What a table shows: its columns, and each row's cells with its line. */
function contentOf(table: CsvTable) {
  const rows: [number, string[]][] = [];
  table.forEachRow((cells, ref) => rows.push([table.lineOf(ref), [...cells]]));
  return { columns: table.header, header: table.lineOf(-1), rows };
}

/** A file with no quote character: any delimiter, line end and text, blank lines, a BOM. */
const plainFile = fc
  .record({
    bom: fc.boolean(),
    delimiter: fc.constantFrom(',', ';', '\t'),
    ends: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 3 }),
    rows: fc.array(fc.array(fc.stringMatching(/^[a-z0-9 ,;\t\r\né€-]{0,12}$/), { maxLength: 4 }), {
      maxLength: 40,
    }),
    blankFirst: fc.boolean(),
  })
  .map(({ bom, delimiter, ends, rows, blankFirst }) => {
    const lines = [...(blankFirst ? [''] : []), EXPECTED.join(delimiter)];
    lines.push(...rows.map((cells) => cells.join(delimiter)));
    const text = lines.map((line, i) => line + (ends[i % ends.length] ?? '\n')).join('');
    return Buffer.concat([Buffer.from(bom ? '\uFEFF' : ''), Buffer.from(text)]);
  });

describe('reading a table a piece at a time', () => {
  it('gives the rows and lines that reading the whole text gives', () => {
    fc.assert(
      fc.property(plainFile, fc.integer({ min: 1, max: 60 }), (bytes, most) => {
        const whole = readTable('f.csv', decodeSpreadsheet(bytes), EXPECTED);

        const streamed = streamedTable('f.csv', trickle(bytes, most), EXPECTED);

        expect(streamed).toBeDefined();
        expect(contentOf(streamed as CsvTable)).toEqual(contentOf(whole));
      }),
    );
  });

  it('gives the same rows and lines read in two parts, the second from any line on', () => {
    fc.assert(
      fc.property(plainFile, fc.integer({ min: 1, max: 60 }), fc.nat(), (bytes, most, at) => {
        const whole = contentOf(readTable('f.csv', decodeSpreadsheet(bytes), EXPECTED));
        const from = lineStartAfter(bytesSource(bytes), at % (bytes.length + 1), bytes.length);
        fc.pre(from !== undefined && from < bytes.length);
        const source = trickle(bytes, most);

        const first = streamedTable('f.csv', sourceBefore(source, from), EXPECTED);
        const second = streamedTable('f.csv', source, EXPECTED, from);

        // The second part needs the header read before `from`.
        fc.pre(second !== undefined);
        const [a, b] = [contentOf(first as CsvTable), contentOf(second)];
        expect({ ...a, rows: [...a.rows, ...b.rows] }).toEqual(whole);
        expect(b.columns).toEqual(whole.columns);
      }),
      { numRuns: 300 },
    );
  });

  it('stops at the first piece with a quote, for the file to be read whole', () => {
    const bytes = Buffer.from('orderid,sku,qty\norder-1,RETRO-CLOCK,3\n"order, 2",LAMP,1\n');
    const table = streamedTable('f.csv', trickle(bytes, 20), EXPECTED);
    const seen: string[] = [];

    const read = () => table?.forEachRow((cells) => seen.push(cells.join('|')));

    expect(read).toThrow(NotPlain);
    expect(seen).toEqual(['order-1|RETRO-CLOCK|3']);
  });

  it('leaves to a reading of the whole file what only it can tell', () => {
    const files = [
      Buffer.from('\uFEFForderid,sku,qty\n', 'utf16le'),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x0a]),
      Buffer.from('orderid,sku,qty\ncommande-\xe91,CLOCK,1\n', 'latin1'),
      Buffer.from('orderid,sku,qty\0\n'),
      Buffer.from('"orderid",sku,qty\n'),
      Buffer.from('\n\n'),
      Buffer.alloc(0),
    ];

    const tables = files.map((bytes) => streamedTable('f.csv', bytesSource(bytes), EXPECTED));

    expect(tables).toEqual(files.map(() => undefined));
  });

  it('reads a Windows-1252 file whole when its first accent comes pieces later', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `order-${i},RETRO-CLOCK,${i + 1}`);
    const text = ['orderid,sku,qty', ...rows, 'commande-\xe91,RETRO-CLOCK,2'].join('\r\n');

    const parsed = parseFile('orders', 'orders.csv', trickle(Buffer.from(text, 'latin1'), 100));

    expect(parsed.rows.length).toBe(51);
    expect(parsed.rows.row(50)).toEqual({ orderid: 'commande-é1', sku: 'RETRO-CLOCK', qty: 2 });
    expect([parsed.lineOf(0), parsed.lineOf(50)]).toEqual([2, 52]);
    expect(parsed.problems).toEqual([]);
  });
});
