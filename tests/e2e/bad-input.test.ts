import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAD_FILES } from '../support/bad-files.js';
import { csvOf, entries, folderWith, GOOD, runCli } from '../support/cli.js';

describe('bad input: exit 2, the exact file and line, nothing written', () => {
  it.each(BAD_FILES)('%s', async (_name, override, message) => {
    const files = Object.fromEntries(
      Object.entries({ ...GOOD, ...override }).filter(([, content]) => content !== ''),
    );
    const dir = folderWith(files);
    const before = entries(dir).map((f) => [f, readFileSync(join(dir, f))]);

    const { code, stderr } = await runCli([dir]);

    expect(code).toBe(2);
    expect(stderr).toContain(join(dir, message));
    expect(stderr).toMatch(/nothing was written/);
    expect(entries(dir).map((f) => [f, readFileSync(join(dir, f))])).toEqual(before);
  });

  it('keeps its messages short for a file that is not CSV at all', async () => {
    const orders = Array.from({ length: 2000 }, (_, i) => ({ orderid: `o${i}`, sku: 'CLOCK' }));
    const dir = folderWith({ ...GOOD, 'orders.csv': JSON.stringify(orders) });

    const { code, stderr } = await runCli([dir]);

    expect(code).toBe(2);
    expect(stderr).toContain('orders.csv:1: missing column "orderid", "sku", "qty" (the header');
    expect(stderr).toMatch(/, … and \d+ more\)\n/);
    expect(stderr.length).toBeLessThan(600);
  });

  it('lists the first 20 problems, then counts the rest', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `o${i},CLOCK,bad`);
    const dir = folderWith({ ...GOOD, 'orders.csv': csvOf('orderid,sku,qty', ...rows) });

    const { code, stderr } = await runCli([dir]);

    expect(code).toBe(2);
    expect(stderr.match(/orders\.csv:\d+: /g)).toHaveLength(20);
    expect(stderr).toContain('... and 5 more problems');
  });
});
