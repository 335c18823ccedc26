import { existsSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { LinesJob, LinesResult } from '../../src/adapters/lines-thread.js';
import { LineColumns } from '../../src/adapters/line-columns.js';
import { openedFile } from '../support/sources.js';

/**
 * The CLI is built as one file, with its worker in another (esbuild.config.mjs). When the worker
 * cannot be found or fails, the CLI reads orders.csv itself: the outcome is the same, only slower.
 * So these check what no output would show: that the built CLI finds the built worker, that the
 * worker works on its own, and that the bundle leaves out what is loaded only when needed.
 */
const CLI = new URL('../../dist/entrypoints/main.cjs', import.meta.url);
const WORKER = new URL('../../dist/adapters/lines-worker.js', import.meta.url);
const CSV_PARSE = new URL('../../node_modules/csv-parse/dist/cjs/sync.cjs', import.meta.url);
const CSV_STRINGIFY = new URL(
  '../../node_modules/csv-stringify/dist/cjs/sync.cjs',
  import.meta.url,
);
const PROGRESS_FORMAT = new URL(
  '../../node_modules/cli-progress/lib/formatter.js',
  import.meta.url,
);

/** Writes `text` as a file, and has the built worker read it, open, as the CLI does. */
async function readOnWorker(text: string): Promise<LinesResult | null> {
  const { handle } = await openedFile('orders.csv', text);
  try {
    return await new Promise((resolve, reject) => {
      const job: LinesJob = { kind: 'orders', file: 'orders.csv', fd: handle.fd };
      const worker = new Worker(WORKER, { workerData: job });
      worker.once('message', (result: LinesResult | null) => {
        resolve(result);
        void worker.terminate();
      });
      worker.once('error', reject);
    });
  } finally {
    await handle.close();
  }
}

describe('the built CLI and its worker', () => {
  it('looks for the worker where the build puts it', () => {
    const cli = readFileSync(CLI, 'utf8');
    const [, path] = /new URL\("([^"]*lines-worker\.js)", ?importMetaUrl\)/.exec(cli) ?? [];

    expect(path).toBeDefined();
    expect(existsSync(new URL(path ?? '', CLI))).toBe(true);
  });

  it('leaves out what most runs do not need: csv-parse, csv-stringify and cli-progress', () => {
    const cli = readFileSync(CLI, 'utf8');

    // Options of csv-parse's and csv-stringify's that this project does not use, and a field of
    // cli-progress's.
    expect(readFileSync(CSV_PARSE, 'utf8')).toContain('skip_records_with_error');
    expect(cli).not.toContain('skip_records_with_error');
    expect(readFileSync(CSV_STRINGIFY, 'utf8')).toContain('quoted_match');
    expect(cli).not.toContain('quoted_match');
    expect(readFileSync(PROGRESS_FORMAT, 'utf8')).toContain('eta_formatted');
    expect(cli).not.toContain('eta_formatted');
  });

  it('reads order lines on the worker: rows grouped by sku, each with its line', async () => {
    const text =
      'orderid,sku,qty\norder-1,RETRO-CLOCK,3\n\norder-1,OMINOUS-MIRROR,5\norder-2,RETRO-CLOCK,1\n';

    const result = await readOnWorker(text);

    const rows = new LineColumns(result?.data);
    expect([0, 1, 2].map((i) => rows.row(i))).toEqual([
      { orderid: 'order-1', sku: 'RETRO-CLOCK', qty: 3 },
      { orderid: 'order-2', sku: 'RETRO-CLOCK', qty: 1 },
      { orderid: 'order-1', sku: 'OMINOUS-MIRROR', qty: 5 },
    ]);
    expect(rows.length).toBe(3);
    expect([0, 1, 2].map((i) => rows.fileRow(i))).toEqual([0, 2, 1]);
    expect([...(result?.lines ?? [])]).toEqual([2, 5, 4]);
    expect(result?.problems).toEqual([]);
  });

  it('reports a bad row from the worker, with its file and line', async () => {
    const text = 'orderid,sku,qty\norder-1,RETRO-CLOCK,many\n';

    const result = await readOnWorker(text);

    expect(result?.problems).toEqual([
      expect.objectContaining({ file: 'orders.csv', line: 2 }) as unknown,
    ]);
  });

  it('gives a file with quotes back to the main thread', async () => {
    const text = 'orderid,sku,qty\n"order, 1",RETRO-CLOCK,3\n';

    const result = await readOnWorker(text);

    expect(result).toBeNull();
  });
});
