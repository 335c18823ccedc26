import { writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_BYTES, parseInBackground } from '../../src/adapters/background-lines.js';
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

/** Reads `bytes` from a file through parseInBackground, as a re-run would, and closes it. */
async function readInBackground(bytes: Buffer, worker: URL) {
  const { handle } = await openedFile('orders.csv', bytes);
  const options = { size: bytes.length, meanwhile: bytes.length, worker };
  const background = parseInBackground('orders', 'orders.csv', handle.fd, options);
  const parsed = await background.parsed;
  await background.done;
  await handle.close();
  return parsed;
}

describe('reading order lines on a worker thread', () => {
  it('gives what the main thread gives', async () => {
    const bytes = largeOrders();
    const expected = parseFile('orders', 'orders.csv', bytesSource(bytes));

    const parsed = await readInBackground(bytes, BUILT);

    expect(rowsOf(parsed.rows)).toEqual(rowsOf(expected.rows));
    expect(parsed.problems).toEqual(expected.problems);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.lineOf(parsed.rows.length - 1)).toBe(expected.lineOf(expected.rows.length - 1));
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
