import { randomUUID } from 'node:crypto';
import { getHeapSnapshot, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseInBackground } from '../../src/adapters/background-lines.js';
import { Lines } from '../../src/adapters/folder-lines.js';
import { parseFile } from '../../src/adapters/input-files.js';

/**
 * A million order lines are 28 MB of bytes and 28 MB of text: once the rows are read, neither may
 * stay alive, through a slice of the text or a closure's scope. These look in the heap itself.
 */

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * Whether any string in the heap contains `marker` followed by `suffix`. The two are joined only
 * once the snapshot is taken, so that the search does not find itself.
 */
async function heapHolds(marker: string, suffix: string): Promise<boolean> {
  const chunks: string[] = [];
  for await (const chunk of getHeapSnapshot()) chunks.push(String(chunk));
  return chunks.join('').includes(JSON.stringify(marker + suffix).slice(1, -1));
}

/** An orders.csv whose rows carry a column the run ignores, marked so as to be found. */
function ordersWithNotes(marker: string, orderid = (i: number) => `order-${i}`): Buffer {
  const rows = ['orderid,sku,qty,note'];
  for (let i = 0; i < 100; i++) rows.push(`${orderid(i)},RETRO-CLOCK,${1 + i},${marker}-${i}`);
  return Buffer.from(rows.join('\n'));
}

describe('what reading a file keeps', () => {
  it("keeps neither the file's text nor its other columns once its rows are read", async () => {
    const marker = randomUUID();

    const parsed = parseFile('orders', 'orders.csv', ordersWithNotes(marker));

    expect(parsed.rows.length).toBe(100);
    expect(parsed.lineOf(99)).toBe(101);
    expect(await heapHolds(marker, '-1')).toBe(false);
    expect(parsed.rows.orderid(99)).toBe('order-99');
  });

  it('finds what is kept: the test can fail', async () => {
    const marker = randomUUID();

    const kept = ordersWithNotes(marker).toString();

    expect(await heapHolds(marker, '-1')).toBe(true);
    expect(kept.length).toBeGreaterThan(0);
  });

  it("lets the file's bytes go once read on this thread", async () => {
    let bytes: Buffer | undefined = ordersWithNotes(randomUUID());
    const held = new WeakRef(bytes);

    const background = parseInBackground('orders', 'orders.csv', bytes, {
      meanwhile: 0,
      reread: () => Promise.reject(new Error('not read again')),
    });
    bytes = undefined;
    const parsed = await background.parsed;
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();

    expect(held.deref()).toBeUndefined();
    expect(parsed.rows.length).toBe(100);
    background.stop();
  });

  it('lets the rows go once walked', async () => {
    const marker = randomUUID();
    const bytes = ordersWithNotes(randomUUID(), (i) => `${marker}-${i}`);
    const lines = new Lines('orders', { file: 'orders.csv', ...parseFile('orders', 'f', bytes) });
    lines.bySku.forEach((i) => lines.repeats.has(i));
    expect(await heapHolds(marker, '-1')).toBe(true);

    lines.release();

    expect(await heapHolds(marker, '-1')).toBe(false);
    expect([lines.rows.length, lines.bySku.length, lines.repeats.asked]).toEqual([0, 0, 100]);
  });
});
