import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvOf, entries, FILES, folderWith, runCli } from '../support/cli.js';

/** A folder whose allocations.csv is a link to one in a folder beside it, which it returns. */
function linkedAllocations(dir: string): string {
  const shared = `${dir}-shared`;
  mkdirSync(shared);
  renameSync(join(dir, 'allocations.csv'), join(shared, 'allocations.csv'));
  symlinkSync(join(shared, 'allocations.csv'), join(dir, 'allocations.csv'));
  return shared;
}

describe('what a file the run replaces keeps', () => {
  it('keeps the permissions of the files it replaces', async () => {
    const dir = folderWith(FILES);
    chmodSync(join(dir, 'allocations.csv'), 0o640);

    await runCli([dir]);

    expect(
      execFileSync('stat', ['-c', '%a', join(dir, 'allocations.csv')])
        .toString()
        .trim(),
    ).toBe('640');
  });

  it('is written through a link to it, which stays a link', async () => {
    const dir = folderWith(FILES);
    const shared = linkedAllocations(dir);

    const { code } = await runCli([dir]);

    expect(code).toBe(0);
    expect(lstatSync(join(dir, 'allocations.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(shared, 'allocations.csv'), 'utf8')).toBe(
      csvOf('orderid,sku,qty,batchref', 'o0,CLOCK,5,b1', 'o1,CLOCK,3,b1', 'o2,CLOCK,4,b2'),
    );
    expect(entries(shared)).toEqual(['allocations.csv']);
  });

  it("removes a killed run's temp file beside a link's file, not a running one's", async () => {
    const dir = folderWith(FILES);
    const shared = linkedAllocations(dir);
    const killed = join(shared, 'allocations.csv.tmp-4194303-0badf00d');
    const running = join(shared, `allocations.csv.tmp-${String(process.pid)}-0badf00d`);
    writeFileSync(killed, 'o9,CLOCK,1,b1\n');
    writeFileSync(running, 'o9,CLOCK,1,b1\n');

    const { code } = await runCli([dir]);

    expect(code).toBe(0);
    expect(entries(shared)).toEqual(['allocations.csv', basename(running)]);
  });
});
