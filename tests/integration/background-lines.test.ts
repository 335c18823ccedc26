import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_BYTES, parseInBackground } from '../../src/adapters/background-lines.js';
import { parseFile } from '../../src/adapters/input-files.js';
import type { LineColumns } from '../../src/adapters/line-columns.js';
import { folderWith, ROOT } from '../support/cli.js';

/** The worker as built by `npm run build` (the test script builds first). */
const BUILT = pathToFileURL(join(ROOT, 'dist/adapters/lines-worker.js'));
/** What the main thread reads meanwhile: enough for the worker to pay. */
const MEANWHILE = BACKGROUND_BYTES;

/** An orders.csv over the size read in the background, with a bad row. */
function largeOrders(): Buffer {
  const rows = ['orderid,sku,qty'];
  for (let i = 0; rows.join('\n').length < BACKGROUND_BYTES + 1000; i++) {
    const block = Array.from({ length: 1000 }, (_, k) => `order-${i}-${k},CLOCK-${k % 7},${1 + k}`);
    rows.push(...block);
  }
  rows.push('order-bad,CLOCK-1,many');
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

describe('reading order lines on a worker thread', () => {
  it('gives what the main thread gives, and moves the bytes rather than copy them', async () => {
    const bytes = largeOrders();
    const expected = parseFile('orders', 'orders.csv', Buffer.from(bytes));

    const background = parseInBackground('orders', 'orders.csv', bytes, {
      meanwhile: MEANWHILE,
      reread: () => Promise.reject(new Error('read again')),
      worker: BUILT,
    });
    const moved = bytes.length;
    const parsed = await background.parsed;

    expect(moved).toBe(0);
    expect(rowsOf(parsed.rows)).toEqual(rowsOf(expected.rows));
    expect(parsed.problems).toEqual(expected.problems);
    expect(parsed.lineOf(parsed.rows.length - 1)).toBe(expected.lineOf(expected.rows.length - 1));
  });

  it('reads the file again and parses it here when the worker fails', async () => {
    const bytes = largeOrders();
    const expected = parseFile('orders', 'orders.csv', Buffer.from(bytes));
    let reads = 0;

    const background = parseInBackground('orders', 'orders.csv', bytes, {
      meanwhile: MEANWHILE,
      reread: () => {
        reads += 1;
        return Promise.resolve(largeOrders());
      },
      worker: failingWorker(),
    });
    const parsed = await background.parsed;

    expect(reads).toBe(1);
    expect(rowsOf(parsed.rows)).toEqual(rowsOf(expected.rows));
    expect(parsed.problems).toEqual(expected.problems);
  });

  it('fails with the reason when the file cannot be read again either', async () => {
    const background = parseInBackground('orders', 'orders.csv', largeOrders(), {
      meanwhile: MEANWHILE,
      reread: () => Promise.reject(new Error('orders.csv: cannot read')),
      worker: failingWorker(),
    });

    await expect(background.parsed).rejects.toThrow('orders.csv: cannot read');
  });

  it("copies bytes that share their memory, and leaves the others' intact", async () => {
    const own = largeOrders();
    const shared = Buffer.alloc(own.length + 1);
    own.copy(shared, 1);
    const bytes = shared.subarray(1);

    const background = parseInBackground('orders', 'orders.csv', bytes, {
      meanwhile: MEANWHILE,
      reread: () => Promise.reject(new Error('read again')),
      worker: BUILT,
    });
    const parsed = await background.parsed;

    expect(bytes.equals(own)).toBe(true);
    expect(parsed.rows.length).toBe(parseFile('orders', 'orders.csv', own).rows.length);
  });
});
