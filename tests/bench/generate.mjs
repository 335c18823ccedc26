// Deterministic folders for the benchmark and the crash tests: `lines` order lines, 10% as many
// batches over 1% as many SKUs, a quarter of the batches in the warehouse, stock about 1.2x
// demand. Order qty 1-10. Usage: node tests/bench/generate.mjs <folder> <lines> [seed]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast and the same on every machine. */
export function generator(seed) {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes batches.csv and orders.csv for `lines` order lines; returns the orders text. */
export function generateFolder(folder, lines, seed = 1) {
  const random = generator(seed);
  const skus = Math.max(1, Math.round(lines / 100));
  const batches = Math.max(skus, Math.round(lines / 10));
  const meanQty = 5.5;
  const perBatch = Math.max(1, Math.round((lines * meanQty * 1.2) / batches));
  const batchRows = ['ref,sku,qty,eta'];
  for (let b = 0; b < batches; b++) {
    const sku = `SKU-${String(b % skus).padStart(6, '0')}`;
    const inWarehouse = random() < 0.25;
    const day = 1 + Math.floor(random() * 365);
    const eta = inWarehouse ? '' : new Date(Date.UTC(2027, 0, day)).toISOString().slice(0, 10);
    const qty = Math.round(perBatch * (0.5 + random()));
    batchRows.push(`BATCH-${String(b).padStart(7, '0')},${sku},${qty},${eta}`);
  }
  const orderRows = ['orderid,sku,qty'];
  let first = 0;
  for (let i = 0; i < lines; i++) {
    // Up to three lines per order, each for another sku.
    if (i % 3 === 0) first = Math.floor(random() * skus);
    const sku = `SKU-${String((first + (i % 3)) % skus).padStart(6, '0')}`;
    orderRows.push(
      `ORDER-${String(Math.floor(i / 3)).padStart(8, '0')},${sku},${1 + Math.floor(random() * 10)}`,
    );
  }
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'batches.csv'), `${batchRows.join('\n')}\n`);
  const orders = `${orderRows.join('\n')}\n`;
  writeFileSync(join(folder, 'orders.csv'), orders);
  return { orders, firstHalf: `${orderRows.slice(0, 1 + Math.floor(lines / 2)).join('\n')}\n` };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const [folder, lines, seed] = process.argv.slice(2);
  generateFolder(folder, Number(lines), Number(seed ?? 1));
}
