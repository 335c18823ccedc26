import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BACKGROUND_BYTES, parseInBackground } from '../../src/adapters/background-lines.js';
import type { LineColumns } from '../../src/adapters/line-columns.js';
import { folderWith, ROOT } from './cli.js';
import { openedFile } from './sources.js';

/** The worker as built by `npm run build` (the test script builds first). */
export const BUILT = pathToFileURL(join(ROOT, 'dist/adapters/lines-worker.js'));

/** An orders.csv over the size read in the background, with a bad row, and `last` at the end. */
export function largeOrders(last = 'order-bad,CLOCK-1,many'): Buffer {
  const rows = ['orderid,sku,qty'];
  for (let i = 0; rows.join('\n').length < BACKGROUND_BYTES + 1000; i++) {
    const block = Array.from({ length: 1000 }, (_, k) => `order-${i}-${k},CLOCK-${k % 7},${1 + k}`);
    rows.push(...block);
  }
  rows.push(last);
  return Buffer.from(rows.join('\n'));
}

export function rowsOf(columns: LineColumns) {
  return Array.from({ length: columns.length }, (_, i) => columns.row(i));
}

/** A worker module that fails as it starts. */
export function failingWorker(): URL {
  const dir = folderWith({});
  writeFileSync(join(dir, 'worker.mjs'), "throw new Error('this worker fails');\n");
  return pathToFileURL(join(dir, 'worker.mjs'));
}

/** A worker module that gives one made-up row, on line 99, for whatever it is asked to read. */
export function madeUpWorker(): URL {
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
export function spreadsheetOrders(
  last = 'order-bad,CLOCK-1,many',
  first = 'order-early,CLOCK-2,0',
) {
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
export function byFileRow({
  rows,
  lineOf,
}: {
  rows: LineColumns;
  lineOf: (row: number) => number;
}) {
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
export async function readInBackground(
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
