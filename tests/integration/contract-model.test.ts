import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/entrypoints/main.js';
import { csvOf, folderWith, snapshot } from '../support/cli.js';
import { type Folder, runByContract } from '../support/contract-model.js';
import { type Format, format, PLAIN, spreadsheet } from '../support/spreadsheet-format.js';

const KNOWN = ['RETRO-CLOCK', 'OMINOUS-MIRROR', 'RÉVEIL-ÉTÉ'];
const sku = fc.constantFrom(...KNOWN, 'NO-SUCH-LAMP');
const qty = fc.integer({ min: 1, max: 6 });
const batch = fc.tuple(
  fc.constantFrom('b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7'),
  fc.constantFrom(...KNOWN),
  fc.integer({ min: 0, max: 12 }),
  fc.constantFrom('', '2027-01-01', '2027-01-02', '2027-02-01'),
);
const allocation = fc.tuple(
  fc.constantFrom('o0', 'o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7'),
  sku,
  qty,
  fc.constantFrom('b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8'),
);
const order = fc.tuple(fc.constantFrom('o0', 'o2', 'o4', 'o6', 'o8', 'o9', 'o10', 'o11'), sku, qty);

/** Rows whose key (the first `width` fields) came before with other values are left out. */
function withoutConflicts<T extends readonly unknown[]>(rows: T[], width: number): T[] {
  const first = new Map<string, string>();
  return rows.filter((row) => {
    const key = row.slice(0, width).join(',');
    const whole = row.join(',');
    if (!first.has(key)) first.set(key, whole);
    return first.get(key) === whole;
  });
}

/** Order lines that were allocated before, each ordered again as it was or amended. */
const again = fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 6 });

const folder: fc.Arbitrary<Folder> = fc
  .record({
    batches: fc.array(batch, { minLength: 1, maxLength: 7 }),
    allocations: fc.array(allocation, { maxLength: 12 }),
    orders: fc.array(order, { maxLength: 16 }),
    again,
  })
  .map(({ batches, allocations, orders, again }) => {
    const before = withoutConflicts(allocations, 2);
    const repeated = again.flatMap(([i, same]) => {
      const [orderid, sku, qty] = before[i % before.length] ?? [];
      return orderid && sku && qty ? [[orderid, sku, same ? qty : qty + 1] as const] : [];
    });
    return {
      batches: withoutConflicts(batches, 1),
      allocations: before,
      orders: withoutConflicts([...orders, ...repeated], 2),
    };
  });

type Formats = Record<'batches' | 'orders' | 'allocations', Format>;
const formats: fc.Arbitrary<Formats> = fc.record({
  batches: format,
  orders: format,
  allocations: format,
});

function write({ batches, allocations, orders }: Folder, as: Formats): string {
  return folderWith({
    'batches.csv': spreadsheet(['ref', 'sku', 'qty', 'eta'], batches, as.batches),
    'orders.csv': spreadsheet(['orderid', 'sku', 'qty'], orders, as.orders),
    ...(allocations.length > 0
      ? {
          'allocations.csv': spreadsheet(
            ['orderid', 'sku', 'qty', 'batchref'],
            allocations,
            as.allocations,
          ),
        }
      : {}),
  });
}

/** Runs the CLI with `args`, in process: its exit code and its --json summary. */
async function run(args: string[]): Promise<{ code: number; summary: unknown }> {
  let stdout = '';
  const io = { stdout: (text: string) => (stdout += text), stderr: () => {} };
  const code = await main(['--quiet', '--json', ...args], io);
  return { code, summary: JSON.parse(stdout) };
}

/**
 * Runs the CLI on `input`, written `as` given, dry then for real, and checks what it wrote
 * against the model: a dry run writes nothing and says the same.
 */
async function expectContract(input: Folder, as: Formats): Promise<void> {
  const dir = write(input, as);
  const before = snapshot(dir);

  const dry = await run(['--dry-run', dir]);
  const dryAfter = snapshot(dir);
  const { code, summary } = await run(['--events', join(dir, 'events'), dir]);

  const expected = runByContract(input);
  // A column added to allocations.csv is not kept when it is rewritten: a warning says so.
  const notKept = input.allocations.length > 0 && as.allocations.extraColumn ? 1 : 0;
  const counts = { ...expected.counts, warnings: expected.counts.warnings + notKept };
  expect(dryAfter).toEqual(before);
  expect(dry.code).toBe(code);
  expect(dry.summary).toMatchObject({ ...counts, dryRun: true });
  const [allocations, unallocated, availability] = [
    'allocations.csv',
    'unallocated.csv',
    'availability.csv',
  ].map((name) => readFileSync(join(dir, name), 'utf8'));
  const events = loggedEvents(join(dir, 'events'));
  rmSync(dir, { recursive: true });
  expect(allocations).toBe(csvOf('orderid,sku,qty,batchref', ...expected.allocations));
  expect(unallocated).toBe(csvOf('orderid,sku,qty,reason', ...expected.unallocated));
  expect(availability).toBe(csvOf('ref,sku,eta,qty,allocated,available', ...expected.availability));
  expect(events).toEqual(expected.events);
  expect(code).toBe(expected.unallocated.length > 0 ? 1 : 0);
  expect(summary).toMatchObject(counts);
}

/** The events a run logged, after its header, each as its fields joined by spaces. */
function loggedEvents(file: string): string[] {
  const lines = readFileSync(file, 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const event = JSON.parse(line) as Record<string, string | number | undefined>;
    const fields = ['type', 'orderid', 'sku', 'qty', 'batchref', 'reason'].map((f) => event[f]);
    return fields.filter((field) => field !== undefined).join(' ');
  });
}

const RUNS = Number(process.env.MODEL_RUNS ?? 300);

describe('a run, against the contract written the slow, obvious way', () => {
  it('gives the same outputs, events and counts on random folders', async () => {
    const written = (input: Folder) =>
      expectContract(input, { batches: PLAIN, orders: PLAIN, allocations: PLAIN });
    await fc.assert(fc.asyncProperty(folder, written), { numRuns: RUNS });
  });

  it('gives the same on the same folders as spreadsheet programs write them', async () => {
    await fc.assert(fc.asyncProperty(folder, formats, expectContract), { numRuns: RUNS / 2 });
  });
});
