import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/entrypoints/collect.js';

const MB = 2 ** 20;

/** Waits up to a second for `done`: V8 gives back a collected array's memory on another thread. */
async function soon(done: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !done(); i++) await new Promise((wait) => setTimeout(wait, 20));
}

describe('collecting garbage once a large folder has been walked', () => {
  it('frees the memory of typed arrays no longer used, there and then', async () => {
    let columns: Int32Array | undefined = new Int32Array(16 * MB).fill(7);
    const held = process.memoryUsage().arrayBuffers;
    columns = undefined;

    collectGarbage();
    await soon(() => process.memoryUsage().arrayBuffers < held - 32 * MB);

    expect(columns).toBeUndefined();
    expect(process.memoryUsage().arrayBuffers).toBeLessThan(held - 32 * MB);
  });
});
