import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entries, FILES, folderWith, runCli } from '../support/cli.js';

describe('changes under a run: exit 75, nothing written', () => {
  it.each([
    ['an input changed', 'change', 'orders.csv', 'changed while this run was working'],
    ['an input vanished', 'vanish', 'orders.csv', 'was removed while this run was working'],
    [
      'allocations.csv appeared',
      'change',
      'allocations.csv',
      'appeared while this run was working',
    ],
  ])('%s', async (_what, kind, name, message) => {
    const files = name === 'allocations.csv' ? { ...FILES, 'allocations.csv': undefined } : FILES;
    const dir = folderWith(
      Object.fromEntries(Object.entries(files).filter(([, v]) => v)) as Record<string, string>,
    );

    const { code, stderr } = await runCli([dir], { fault: `${kind}:${join(dir, name)}` });

    expect(code).toBe(75);
    expect(stderr).toContain(`${join(dir, name)} ${message}; nothing was written, try again later`);
    expect(
      entries(dir).filter((f) => !f.endsWith('.csv') || /unallocated|availability/.test(f)),
    ).toEqual([]);
  });
});
