import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocationChunks } from '../../src/adapters/allocation-lines.js';
import { PlacedLog } from '../../src/adapters/placed-log.js';
import { Batch } from '../../src/domain/batch.js';

const HEADER = ['orderid', 'sku', 'qty', 'batchref'];
const text = fc.oneof(
  fc.string({ minLength: 1 }),
  fc.constantFrom('ORDER-1', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', 'é€', '😀', '=1+2'),
);
const line = fc.record({
  orderid: text,
  batch: fc.nat({ max: 3 }),
  qty: fc.integer({ min: 1, max: 1_000_000_000 }),
  tag: fc.nat({ max: 40 }),
  takenBack: fc.boolean(),
});

/** The chunks joined, each copied as it comes (a later chunk writes over its buffer). */
function written(log: PlacedLog, header?: string): string {
  const chunks = Array.from(allocationChunks(log, header), (chunk) => Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

describe("allocations.csv's lines", () => {
  it('are what csv-stringify writes for the lines standing, by tag, byte for byte', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 4, maxLength: 4 }), fc.array(line), (refs, lines) => {
        const batches = refs.map((ref, i) => new Batch(ref, `${ref}-sku${i}`, 10 ** 12, null));
        const log = new PlacedLog();
        lines.forEach(({ orderid, batch, qty, tag, takenBack }) => {
          const b = batches[batch] as Batch;
          log.tag = tag;
          const slot = b.allocate({ orderid, sku: b.sku, qty });
          log.push(slot);
          if (takenBack) b.deallocate(slot);
        });

        const standing = lines
          .map((l) => ({ ...l, b: batches[l.batch] as Batch }))
          .filter((l) => !l.takenBack)
          .sort((x, y) => x.tag - y.tag)
          .map(({ orderid, b, qty }) => [orderid, b.sku, String(qty), b.reference]);
        const expected = stringify([HEADER, ...standing], { record_delimiter: '\n' });
        expect(written(log, 'orderid,sku,qty,batchref\n')).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('come in chunks of at most 64 KiB, but for the one that holds a longer line', () => {
    const batch = new Batch('b1', 'CLOCK', 10 ** 9, null);
    const log = new PlacedLog();
    const orderids = [...Array.from({ length: 5000 }, (_, i) => `o${i}`), 'x'.repeat(70_000), 'o'];
    for (const orderid of orderids) log.push(batch.allocate({ orderid, sku: 'CLOCK', qty: 1 }));

    const chunks = Array.from(allocationChunks(log), (chunk) => Buffer.from(chunk).toString());

    const large = chunks.filter((chunk) => chunk.length > 1 << 16);
    expect(large.map((chunk) => chunk.includes('x'.repeat(70_000)))).toEqual([true]);
    const lines = chunks.join('').split('\n').slice(0, -1);
    expect(lines.map((l) => l.split(',')[0])).toEqual(orderids);
  });
  it('keep every byte of long lines that need quoting and encoding, across chunks', () => {
    const unit = fc.constantFrom('"', 'é', '€', '😀', 'a', ',');
    const orderid = fc.oneof(
      fc.string({ unit, minLength: 5_000, maxLength: 30_000 }),
      // Three bytes a character, quoted, or both: the most a character of an orderid takes.
      fc.constantFrom('€'.repeat(22_000), '"'.repeat(33_000), `"${'€'.repeat(22_000)}`),
    );
    fc.assert(
      fc.property(fc.array(orderid, { minLength: 1, maxLength: 12 }), (orderids) => {
        const batch = new Batch('b1', 'CLOCK', 10 ** 9, null);
        const log = new PlacedLog();
        for (const id of orderids) log.push(batch.allocate({ orderid: id, sku: 'CLOCK', qty: 7 }));

        const rows = orderids.map((id) => [id, 'CLOCK', '7', 'b1']);
        expect(written(log)).toBe(stringify(rows, { record_delimiter: '\n' }));
      }),
      { numRuns: 50, endOnFailure: true },
    );
  });
  it('leave each chunk as it is until the second after it is asked for', () => {
    const batch = new Batch('b1', 'CLOCK', 10 ** 9, null);
    const log = new PlacedLog();
    for (let i = 0; i < 20_000; i++)
      log.push(batch.allocate({ orderid: `o${i}`, sku: 'CLOCK', qty: 1 }));
    let last: { view: Uint8Array; copy: Buffer } | undefined;
    const changed: number[] = [];

    for (const chunk of allocationChunks(log)) {
      if (last && !last.copy.equals(last.view)) changed.push(last.copy.length);
      last = { view: chunk, copy: Buffer.from(chunk) };
    }

    expect(last).toBeDefined();
    expect(changed).toEqual([]);
  });
});
