import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfFixture, csvOf, folderWith, GOOD, read, runCli } from '../support/cli.js';

const HEADER = 'orderid,sku,qty,batchref';

describe('spreadsheets as people export them', () => {
  it.each([
    [
      'excel-fr-utf8',
      'Excel CSV UTF-8 in a French locale: BOM, CRLF, semicolons, an extra column, a ;;; row',
      ['commande-é1,LAMPE-ÉLÉGANTE,15,entrepôt-1', 'commande-é2,LAMPE-ÉLÉGANTE,10,bateau-2'],
    ],
    [
      'libreoffice-tab',
      'LibreOffice tab-separated, upper-case header, a blank line',
      ['o-1,RETRO-CLOCK,4,b-warehouse', 'o-2,RETRO-CLOCK,4,b-ship'],
    ],
    [
      'excel-windows-1252',
      'Excel on Western Windows: Windows-1252 bytes for é, È and €',
      ['commande-é1,CAFETIÈRE,3,stock-€1', 'renée-€2,CAFETIÈRE,2,stock-€1'],
    ],
    [
      'excel-mac-roman',
      'Excel for Mac, "Comma Separated Values": Mac Roman bytes for é, È, ß, Å and €, CR line ends',
      [
        'commande-é1,CAFETIÈRE,3,stock-€1',
        'renée-€2,CAFETIÈRE,2,stock-€1',
        'Åsa-3,CAFETIÈRE,6,stock-ß2',
      ],
    ],
    [
      'google-sheets',
      'Google Sheets: CRLF, quoted commas, quotes and newlines, extra and empty columns',
      ['"o ""1""",SOFA,8,"b1, north"', 'o2,SOFA,5,b2'],
    ],
    [
      'excel-unicode-text',
      'Excel Unicode Text: UTF-16LE with a BOM, tab-separated',
      ['о-кириллица,THÉIÈRE,6,b1'],
    ],
  ])('allocates %s (%s)', async (scenario, _what, rows) => {
    const dir = copyOfFixture(`exports/${scenario}`);

    const { code, stderr } = await runCli([dir]);

    expect(stderr).not.toMatch(/^warning:|error/im);
    expect(code).toBe(0);
    expect(read(dir, 'allocations.csv')).toBe(csvOf(HEADER, ...rows));
  });

  it('ignores extra columns named twice or not named at all, values under them included', async () => {
    const orders = csvOf('note,orderid,,sku,qty,note', 'rush,o1,x,CLOCK,3,call', ',o2,,CLOCK,2');
    const dir = folderWith({ ...GOOD, 'orders.csv': orders });

    const { code, stderr } = await runCli([dir]);

    expect(stderr).not.toMatch(/^warning:|error/im);
    expect(code).toBe(0);
    expect(read(dir, 'allocations.csv')).toBe(
      csvOf(HEADER, 'o0,CLOCK,5,b1', 'o1,CLOCK,3,b1', 'o2,CLOCK,2,b1'),
    );
  });

  it('skips the "sep=;" line that some exports put first for Excel, quoted or not', async () => {
    const dir = folderWith({
      'batches.csv': '\ufeffsep=,\r\n"ref","sku","qty","eta"\r\n"b1","CLOCK","100",""\r\n',
      'orders.csv': 'SEP=;\norderid;sku;qty\no1;CLOCK;3\no2;CLOCK;x\n',
    });

    const { code, stderr } = await runCli([dir]);

    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, 'orders.csv')}:4: qty "x" is not a whole number`);
    writeFileSync(join(dir, 'orders.csv'), 'SEP=;\norderid;sku;qty\no1;CLOCK;3\n');
    expect((await runCli([dir])).code).toBe(0);
    expect(read(dir, 'allocations.csv')).toBe(csvOf(HEADER, 'o1,CLOCK,3,b1'));
  });

  it('warns that columns added to allocations.csv are not kept when it is rewritten', async () => {
    const allocations = csvOf(
      'orderid,sku,qty,batchref,Note,who,',
      'o0,CLOCK,5,b1,call first,ann,',
    );
    const dir = folderWith({ ...GOOD, 'allocations.csv': allocations });

    const dry = await runCli(['--dry-run', '--json', dir]);
    const { code, stderr } = await runCli([dir]);
    const again = await runCli([dir]);

    const warning = `warning: ${join(dir, 'allocations.csv')}:1: columns "note", "who" are not kept`;
    expect(dry.stderr).toContain(warning);
    expect(JSON.parse(dry.stdout)).toMatchObject({ warnings: 1 });
    expect([code, stderr]).toEqual([0, expect.stringContaining(warning)]);
    expect(read(dir, 'allocations.csv')).toBe(
      csvOf(HEADER, 'o0,CLOCK,5,b1', 'o1,CLOCK,3,b1', 'o2,CLOCK,4,b1'),
    );
    expect(again.stderr).not.toMatch(/^warning:/m);
  });

  it('warns of a column added to allocations.csv with no name, if it has values', async () => {
    const allocations = csvOf('orderid,sku,qty,batchref,,', 'o0,CLOCK,5,b1,call first,');
    const dir = folderWith({ ...GOOD, 'allocations.csv': allocations });

    const { code, stderr } = await runCli([dir]);

    const file = join(dir, 'allocations.csv');
    const warning = `warning: ${file}:1: column 5 (no name in the header) is not kept`;
    expect([code, stderr]).toEqual([0, expect.stringContaining(warning)]);
    expect(read(dir, 'allocations.csv')).toBe(
      csvOf(HEADER, 'o0,CLOCK,5,b1', 'o1,CLOCK,3,b1', 'o2,CLOCK,4,b1'),
    );
  });
});
