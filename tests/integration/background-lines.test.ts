import { open } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  BACKGROUND_BYTES,
  firstPartBytes,
  parseInBackground,
} from '../../src/adapters/background-lines.js';
import { bytesSource } from '../../src/adapters/byte-source.js';
import { parseFile } from '../../src/adapters/input-files.js';
import {
  BUILT,
  byFileRow,
  failingWorker,
  largeOrders,
  readInBackground,
  rowsOf,
} from '../support/background.js';
import { folderWith } from '../support/cli.js';

describe('reading order lines on a worker thread', () => {
  it('gives what the main thread gives: each row, its row in the file, its line', async () => {
    const bytes = largeOrders();
    const expected = parseFile('orders', 'orders.csv', bytesSource(bytes));

    const parsed = await readInBackground(bytes, BUILT);

    expect(byFileRow(parsed)).toEqual(byFileRow(expected));
    expect(parsed.problems).toEqual(expected.problems);
    expect(parsed.problems).toHaveLength(1);
  });

  it('holds the rows grouped by sku, each sku in file order, as a run walks them', async () => {
    const bytes = largeOrders();
    const expected = parseFile('orders', 'orders.csv', bytesSource(bytes)).rows;

    const { rows } = await readInBackground(bytes, BUILT);

    const held = Array.from({ length: rows.length }, (_, i) => rows.row(i));
    expect(held).toEqual(Array.from(expected.bySku(), (row) => expected.row(row)));
    expect(Array.from(rows.bySku())).toEqual(held.map((_, i) => i));
  });

  it('leaves a file with quotes to the main thread, which gives the same rows', async () => {
    const bytes = largeOrders('"order, last",CLOCK-1,x');
    const expected = parseFile('orders', 'orders.csv', bytesSource(bytes));

    const parsed = await readInBackground(bytes, BUILT);

    expect(rowsOf(parsed.rows)).toEqual(rowsOf(expected.rows));
    expect(parsed.problems).toEqual(expected.problems);
    expect(parsed.problems[0]?.message).toBe('qty "x" is not a whole number');
  });

  it('reads the file here when the worker fails', async () => {
    const bytes = largeOrders();
    const expected = parseFile('orders', 'orders.csv', bytesSource(bytes));

    const parsed = await readInBackground(bytes, failingWorker());

    expect(rowsOf(parsed.rows)).toEqual(rowsOf(expected.rows));
    expect(parsed.problems).toEqual(expected.problems);
  });

  it('fails naming the file when it cannot be read here either', async () => {
    const folder = await open(folderWith({}), 'r');
    const options = {
      size: BACKGROUND_BYTES,
      meanwhile: BACKGROUND_BYTES,
      worker: failingWorker(),
    };

    const background = parseInBackground('orders', 'orders.csv', folder.fd, options);

    await expect(background.parsed).rejects.toThrow('orders.csv: cannot read');
    await expect(background.done).resolves.toBeUndefined();
    await folder.close();
  });
});

describe('where a file read in two parts is split', () => {
  const size = 28_000_000;

  it('is the middle when the main thread has nothing else to read', () => {
    expect(firstPartBytes(size, 0)).toBe(size / 2);
  });

  it("moves towards the start by batches.csv's size, the cost of reading and making batches", () => {
    expect(firstPartBytes(size, 3_500_000)).toBe(10_500_000);
  });

  it('leaves the main thread a quarter at least: receiving rows costs too', () => {
    expect(firstPartBytes(size, 20_000_000)).toBe(size / 4);
  });
});
