import { describe, expect, it } from 'vitest';
import { BACKGROUND_BYTES, parseInBackground } from '../../src/adapters/background-lines.js';
import { bytesSource } from '../../src/adapters/byte-source.js';
import { parseFile } from '../../src/adapters/input-files.js';
import {
  BUILT,
  byFileRow,
  failingWorker,
  largeOrders,
  madeUpWorker,
  readInBackground,
  rowsOf,
  spreadsheetOrders,
} from '../support/background.js';
import { openedFile } from '../support/sources.js';

describe('reading a large orders.csv in two parts, with nothing else to read meanwhile', () => {
  it('gives what the main thread gives: each row at its row in the file, every problem', async () => {
    const bytes = spreadsheetOrders();
    const expected = parseFile('orders', 'orders.csv', bytesSource(bytes));

    const parsed = await readInBackground(bytes, BUILT, 0);

    expect(byFileRow(parsed)).toEqual(byFileRow(expected));
    expect(parsed.problems).toEqual(expected.problems);
    expect(parsed.problems).toHaveLength(2);
    expect(parsed.problems[0]?.line).toBe(3);
  });

  it("puts the worker's rows after the first part's", async () => {
    const bytes = spreadsheetOrders();
    const whole = rowsOf(parseFile('orders', 'orders.csv', bytesSource(bytes)).rows);

    const parsed = await readInBackground(bytes, madeUpWorker(), 0);

    const rows = rowsOf(parsed.rows);
    expect(rows.at(-1)).toEqual({ orderid: 'made-up', sku: 'CLOCK-1', qty: 5 });
    expect(parsed.lineOf(rows.length - 1)).toBe(99);
    expect(rows.length).toBeGreaterThan(whole.length / 3);
    expect(rows.slice(0, -1)).toEqual(whole.slice(0, rows.length - 1));
  });

  it('gives the main thread a shorter first part when it also reads a batches.csv', async () => {
    const bytes = spreadsheetOrders();
    const whole = rowsOf(parseFile('orders', 'orders.csv', bytesSource(bytes)).rows);

    // A tenth of its size: the first part is (1 - 2 / 10) / 2 of it.
    const alongside = Math.floor(bytes.length / 10);
    const parsed = await readInBackground(bytes, madeUpWorker(), 0, alongside);

    const firstPart = rowsOf(parsed.rows).slice(0, -1);
    expect(firstPart).toEqual(whole.slice(0, firstPart.length));
    expect(firstPart.length / whole.length).toBeGreaterThan(0.38);
    expect(firstPart.length / whole.length).toBeLessThan(0.42);
  });

  it.each([
    // Plain line ends: csv-parse takes seconds over a megabyte of CRLF lines.
    ['the second part', largeOrders('"order, last",CLOCK-1,x')],
    ['the first part', Buffer.from(largeOrders().toString().replace('order-0-0,', '"order, 0",'))],
  ])('reads the whole file here when %s has a quote', async (_, bytes) => {
    const expected = parseFile('orders', 'orders.csv', bytesSource(bytes));

    const parsed = await readInBackground(bytes, BUILT, 0);

    expect(rowsOf(parsed.rows)).toEqual(rowsOf(expected.rows));
    expect(parsed.problems).toEqual(expected.problems);
  });

  it('reads the whole file here when the worker fails', async () => {
    const bytes = spreadsheetOrders();
    const expected = parseFile('orders', 'orders.csv', bytesSource(bytes));

    const parsed = await readInBackground(bytes, failingWorker(), 0);

    expect(rowsOf(parsed.rows)).toEqual(rowsOf(expected.rows));
    expect(parsed.problems).toEqual(expected.problems);
  });

  it('lists a problem of the header once', async () => {
    const bytes = Buffer.from(
      spreadsheetOrders().toString().replace('orderid,sku,qty', 'orderid,sku'),
    );
    const expected = parseFile('orders', 'orders.csv', bytesSource(bytes));

    const parsed = await readInBackground(bytes, BUILT, 0);

    expect(parsed.problems).toEqual(expected.problems);
    expect(parsed.problems).toHaveLength(1);
  });

  it('lets the file be closed once stopped', async () => {
    const { handle } = await openedFile('orders.csv', spreadsheetOrders());
    const options = { size: 2 * BACKGROUND_BYTES, meanwhile: 0, splitFrom: BACKGROUND_BYTES };
    const background = parseInBackground('orders', 'orders.csv', handle.fd, {
      ...options,
      worker: BUILT,
    });

    background.stop();

    await expect(background.parsed).rejects.toThrow('read stopped');
    await expect(background.done).resolves.toBeUndefined();
    await handle.close();
  });
});
