// The I/O floor: what it costs just to parse the same inputs and write the same number of output
// rows with csv-parse and csv-stringify, tuned as well as they go (sync, arrays, no cast, rows
// written as arrays). Usage: node tests/bench/floor.mjs <folder> <output rows> <scratch folder>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const [folder, outputRows, scratch] = process.argv.slice(2);
const tables = ['batches.csv', 'orders.csv', 'allocations.csv'].map((name) => {
  try {
    return parse(readFileSync(join(folder, name)));
  } catch {
    return [];
  }
});
const orders = tables[1];
const rows = [];
for (let i = 0; i < Number(outputRows); i++) {
  const order = orders[1 + (i % (orders.length - 1))];
  rows.push([order[0], order[1], order[2], 'BATCH-0000000']);
}
writeFileSync(join(scratch, 'floor-output.csv'), stringify(rows));
