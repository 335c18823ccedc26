import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/entrypoints/main.js';
import { csvOf, folderWith } from '../support/cli.js';

const FILES = {
  'batches.csv': csvOf(
    'ref,sku,qty,eta',
    'b1,CLOCK,10,',
    'b2,CLOCK,20,2027-01-01',
    '"b,3",LAMP,5,2027-02-02',
  ),
  'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,3', '"o""2",LAMP,4', 'o3,CLOCK,30', 'o4,NOPE,1'),
  'allocations.csv': csvOf('orderid,sku,qty,batchref', 'o0,CLOCK,5,b1', 'o9,LAMP,1,"b,3"'),
};
type Name = keyof typeof FILES;

const mutation = fc.record({
  file: fc.constantFrom<Name>('batches.csv', 'orders.csv', 'allocations.csv'),
  kind: fc.constantFrom('flip', 'insert', 'delete', 'truncate'),
  at: fc.nat(),
  byte: fc.integer({ min: 0, max: 255 }),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Buffer, { kind, at, byte }: Mutation) {
  const i = bytes.length === 0 ? 0 : at % bytes.length;
  if (kind === 'flip')
    return Buffer.concat([bytes.subarray(0, i), Buffer.from([byte]), bytes.subarray(i + 1)]);
  if (kind === 'insert')
    return Buffer.concat([bytes.subarray(0, i), Buffer.from([byte]), bytes.subarray(i)]);
  if (kind === 'delete') return Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1)]);
  return bytes.subarray(0, i);
}

/** allocations.csv after a run: the old file, or a complete new one that parses. */
function isWhole(text: string, old: string): boolean {
  if (text === old) return true;
  if (!text.startsWith('orderid,sku,qty,batchref\n') || !text.endsWith('\n')) return false;
  return parse(text)
    .slice(1)
    .every((row) => row.length === 4 && /^\d+$/.test(row[2] ?? ''));
}

describe('random byte mutations of a valid folder', () => {
  it('never crash: exit 0, 1 or 2 with a message, and never leave a partial file', async () => {
    const dir = folderWith(FILES);
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        for (const [name, content] of Object.entries(FILES))
          writeFileSync(join(dir, name), content);
        for (const name of ['unallocated.csv', 'availability.csv'])
          rmSync(join(dir, name), { force: true });
        writeFileSync(join(dir, m.file), mutate(Buffer.from(FILES[m.file]), m));
        let stderr = '';

        const code = await main(['--quiet', dir], {
          stdout: () => {},
          stderr: (t) => {
            stderr += t;
          },
        });

        expect([0, 1, 2]).toContain(code);
        expect(stderr).not.toMatch(/internal error|\n\s+at /);
        if (code === 2) expect(stderr).toMatch(/\.csv(:\d+)?: /);
        const allocations = readFileSync(join(dir, 'allocations.csv'), 'utf8');
        if (m.file !== 'allocations.csv')
          expect(isWhole(allocations, FILES['allocations.csv'])).toBe(true);
        expect(readdirSync(dir).filter((f) => /tmp|lock/.test(f))).toEqual([]);
        expect(existsSync(join(dir, 'unallocated.csv'))).toBe(code !== 2);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
  });
});
