import { writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  BACKGROUND_BYTES,
  firstPartBytes,
  parseInBackground,
} from '../../src/adapters/background-lines.js';
import { bytesSource } from '../../src/adapters/byte-source.js';
import { parseFile } from '../../src/adapters/input-files.js';
import type { LineColumns } from '../../src/adapters/line-columns.js';
import { folderWith, ROOT } from '../support/cli.js';
import { openedFile } from '../support/sources.js';

/** The worker as built by `npm run build` (the test script builds first). */
const BUILT = pathToFileURL(join(ROOT, 'dist/adapters/lines-worker.js'));

/** An orders.csv over the size read in the background, with a bad row, and `last` at the end. */
function largeOrders(last = 'order-bad,CLOCK-1,many'): Buffer {
  const rows = ['orderid,sku,qty'];
  for (let i = 0; rows.join('\n').length < BACKGROUND_BYTES + 1000; i++) {
    const block = Array.from({ length: 1000 }, (_, k) => `order-${i}-${k},CLOCK-${k % 7},${1 + k}`);
    rows.push(...block);
  }
  rows.push(last);
  return Buffer.from(rows.join('\n'));
}

function rowsOf(columns: LineColumns) {
  return Array.from({ length: columns.length }, (_, i) => columns.row(i));
}

/** A worker module that fails as it starts. */
function failingWorker(): URL {
  const dir = folderWith({});
  writeFileSync(join(dir, 'worker.mjs'), "throw new Error('this worker fails');\n");
  return pathToFileURL(join(dir, 'worker.mjs'));
}

/** A worker module that gives one made-up row, on line 99, for whatever it is asked to read. */
function madeUpWorker(): URL {
  const dir = folderWith({});
  const source = `import { parentPort } from 'node:worker_threads';
parentPort.postMessage({
  data: {
    orderids: { values: ['made-up'], of: new Int32Array([0]) },
    skus: { values: ['CLOCK-1'], of: new Int32Array([0]) },
    qtys: new Int32Array([5]),
  },
  problems: [],
  lines: new Int32Array([99]),
});
`;
  writeFileSync(join(dir, 'worker.mjs'), source);
  return pathToFileURL(join(dir, 'worker.mjs'));
}

/**
 * A large orders.csv as a spreadsheet may save it: a byte-order mark, a blank line before the
 * header, CRLF and lone CR line ends, blank lines among the rows, a bad row near the start and
 * `last` at the end.
 */
function spreadsheetOrders(last = 'order-bad,CLOCK-1,many', first = 'order-early,CLOCK-2,0') {
  const rows = ['', 'orderid,sku,qty', first];
  for (let i = 0; rows.join('\r\n').length < BACKGROUND_BYTES + 1000; i++) {
    rows.push(...Array.from({ length: 500 }, (_, k) => `order-${i}-${k},CLOCK-${k % 7},${1 + k}`));
    rows.push(i % 2 === 0 ? '' : `order-${i}-cr,CLOCK-3,2\rorder-${i}-after-cr,CLOCK-4,1`);
  }
  rows.push(last);
  return Buffer.from(`\uFEFF${rows.join('\r\n')}\r\n`);
}

/**
 * Each row with its line, at its row in the file: what a read in file order gives, whatever
 * order the rows are held in.
 */
function byFileRow({ rows, lineOf }: { rows: LineColumns; lineOf: (row: number) => number }) {
  const inFile: (ReturnType<LineColumns['row']> & { line: number })[] = [];
  for (let i = 0; i < rows.length; i++)
    inFile[rows.fileRow(i)] = { ...rows.row(i), line: lineOf(i) };
  return inFile;
}

/**
 * Reads `bytes` from a file through parseInBackground and closes it: as a re-run would (with
 * allocations.csv to read meanwhile), or as a first run would (`meanwhile` 0), in two parts from
 * `splitFrom` bytes.
 */
async function readInBackground(
  bytes: Buffer,
  worker: URL,
  meanwhile = bytes.length,
  alongside = 0,
) {
  const { handle } = await openedFile('orders.csv', bytes);
  const options = { size: bytes.length, meanwhile, alongside, worker, splitFrom: BACKGROUND_BYTES };
  const background = parseInBackground('orders', 'orders.csv', handle.fd, options);
  const parsed = await background.parsed;
  await background.done;
  await handle.close();
  return parsed;
}

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
