import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/entrypoints/collect.js';

describe('collecting garbage once a large folder has been walked', () => {
  it('frees the memory of typed arrays no longer used, there and then', () => {
    let columns: Int32Array | undefined = new Int32Array(16 * 2 ** 20).fill(7);
    const held = process.memoryUsage().arrayBuffers;
    columns = undefined;

    collectGarbage();

    expect(columns).toBeUndefined();
    expect(process.memoryUsage().arrayBuffers).toBeLessThan(held - 32 * 2 ** 20);
  });
});
