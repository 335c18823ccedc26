// Micro-benchmark of the allocation core, in memory: 1,000,000 order lines over 10,000 SKUs
// (10 batches each, a quarter in the warehouse), through the message bus. Not a test: it prints.
// Run with `npm run build && node tests/bench/core.mjs [lines] [skus]`.
import { InMemoryUnitOfWork } from '../../dist/adapters/in-memory-unit-of-work.js';
import { bootstrap } from '../../dist/bootstrap.js';
import { Allocate } from '../../dist/domain/commands.js';

const LINES = Number(process.argv[2] ?? 1_000_000);
const SKUS = Number(process.argv[3] ?? 10_000);
const BATCHES_PER_SKU = 10;

let seed = 42;
/** mulberry32: a small deterministic generator, so every run measures the same work. */
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const uow = new InMemoryUnitOfWork();
let allocated = 0;
let outOfStock = 0;
const bus = bootstrap({
  uow,
  publish: (event) => {
    if (event.type === 'Allocated') allocated += 1;
    else if (event.type === 'OutOfStock') outOfStock += 1;
  },
});

const linesPerSku = LINES / SKUS;
const started = performance.now();
for (let s = 0; s < SKUS; s++) {
  for (let b = 0; b < BATCHES_PER_SKU; b++) {
    const eta = b % 4 === 0 ? null : `2027-0${1 + (b % 9)}-1${b % 10}`;
    const qty = Math.round((linesPerSku * 5.5 * 1.2) / BATCHES_PER_SKU);
    bus.handle({ type: 'CreateBatch', ref: `batch-${s}-${b}`, sku: `SKU-${s}`, qty, eta });
  }
}
const batchesDone = performance.now();
for (let i = 0; i < LINES; i++) {
  const sku = `SKU-${Math.floor(random() * SKUS)}`;
  bus.handle(new Allocate(`order-${i}`, sku, 1 + Math.floor(random() * 10)));
}
const done = performance.now();
const seconds = (done - batchesDone) / 1000;
console.log(
  `batches: ${SKUS * BATCHES_PER_SKU} in ${((batchesDone - started) / 1000).toFixed(2)} s`,
);
console.log(`allocate: ${LINES} lines over ${SKUS} SKUs in ${seconds.toFixed(2)} s`);
console.log(
  `  ${Math.round(LINES / seconds).toLocaleString('en')} lines/s, ${allocated} allocated, ${outOfStock} out of stock`,
);
console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
