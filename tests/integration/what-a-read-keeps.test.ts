import { randomUUID } from 'node:crypto';
import { getHeapSnapshot } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { parseInBackground } from '../../src/adapters/background-lines.js';
import { bytesSource } from '../../src/adapters/byte-source.js';
import { Lines } from '../../src/adapters/folder-lines.js';
import { parseFile } from '../../src/adapters/input-files.js';
import { openedFile, trickle } from '../support/sources.js';

/**
 * A million order lines are 28 MB of bytes and 28 MB of text: once the rows are read, neither may
 * stay alive, through a slice of the text or a closure's scope. These look in the heap itself.
 */

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
    // Read a piece of a few lines at a time: no piece may stay either.
    const marker = randomUUID();

    const parsed = parseFile('orders', 'orders.csv', trickle(ordersWithNotes(marker), 500));

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

  it('keeps nothing of a file read on this thread by parseInBackground', async () => {
    const marker = randomUUID();
    const { handle } = await openedFile('orders.csv', ordersWithNotes(marker));

    const background = parseInBackground('orders', 'orders.csv', handle.fd, {
      size: 0,
      meanwhile: 0,
    });
    const parsed = await background.parsed;
    await background.done;
    await handle.close();

    expect(parsed.rows.length).toBe(100);
    expect(await heapHolds(marker, '-1')).toBe(false);
  });

  it('lets the rows go once walked', async () => {
    const marker = randomUUID();
    const bytes = ordersWithNotes(randomUUID(), (i) => `${marker}-${i}`);
    const lines = new Lines('orders', {
      file: 'orders.csv',
      ...parseFile('orders', 'f', bytesSource(bytes)),
    });
    lines.bySku.forEach((i) => lines.repeats.has(i));
    expect(await heapHolds(marker, '-1')).toBe(true);

    lines.release();

    expect(await heapHolds(marker, '-1')).toBe(false);
    expect([lines.rows.length, lines.bySku.length, lines.repeats.asked]).toEqual([0, 0, 100]);
  });
});
