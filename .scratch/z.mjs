import { z } from 'zod';

const id = z.string().trim().min(1);
const qty = z.string().regex(/^\d+$/).transform(Number);
const row = z.object({ orderid: id, sku: id, qty });
const vals = [];
for (let i = 0; i < 1e6; i++) vals.push(['order-' + i, 'SKU-' + (i % 1000), String(1 + (i % 10))]);
let t = performance.now();
let n = 0;
for (const v of vals) {
  const r = row.safeParse({ orderid: v[0], sku: v[1], qty: v[2] });
  if (r.success) n++;
}
console.log('zod object per row', (performance.now() - t).toFixed(0), n);
t = performance.now();
n = 0;
for (const v of vals) {
  if (id.safeParse(v[0]).success && id.safeParse(v[1]).success && qty.safeParse(v[2]).success) n++;
}
console.log('zod per field', (performance.now() - t).toFixed(0), n);
t = performance.now();
n = 0;
const memo = new Map();
for (const v of vals) {
  const a = v[0].trim(),
    b = v[1].trim();
  let q = memo.get(v[2]);
  if (q === undefined) {
    const r = qty.safeParse(v[2]);
    q = r.success ? r.data : -1;
    memo.set(v[2], q);
  }
  if (a && b && q > 0) n++;
}
console.log('memo qty + trim ids', (performance.now() - t).toFixed(0), n);
