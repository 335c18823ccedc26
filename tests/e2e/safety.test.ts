import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvOf, entries, FILES, folderWith, runCli, snapshot } from '../support/cli.js';

const NOBODY = 65534;
/** A folder others may enter, for runs as an unprivileged user. */
function sharedFolder(files = FILES): string {
  const dir = folderWith(files);
  chmodSync(dir, 0o777);
  return dir;
}

const mounts: string[] = [];
function tmpfs(size: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'allocate-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  mounts.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of mounts) execFileSync('umount', [dir]);
});
const canMount = (() => {
  const dir = tmpfs('64k');
  return dir !== undefined;
})();

describe('faults: exit 74, the file named, nothing changed', () => {
  it('refuses to rename a short file when the disk accepts only part of it', async () => {
    const dir = folderWith(FILES);
    const before = snapshot(dir);

    const { code, stderr } = await runCli([dir], { fault: 'short-write' });

    expect(code).toBe(74);
    expect(stderr).toMatch(
      /availability\.csv: cannot write: the disk took only part of the data \(ESHORTWRITE\); nothing/,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('reports a full disk while writing', async () => {
    const dir = folderWith(FILES);
    const before = snapshot(dir);

    const { code, stderr } = await runCli([dir], { fault: 'enospc' });

    expect(code).toBe(74);
    expect(stderr).toContain('cannot write: no space left on device (ENOSPC); nothing was written');
    expect(snapshot(dir)).toEqual(before);
  });

  it.runIf(canMount)('reports a real full disk: a tmpfs too small for the outputs', async () => {
    const dir = tmpfs('48k') as string;
    const orders = Array.from({ length: 1500 }, (_, i) => `order-${i},CLOCK,1`);
    writeFileSync(join(dir, 'batches.csv'), csvOf('ref,sku,qty,eta', 'b1,CLOCK,100000,'));
    writeFileSync(join(dir, 'orders.csv'), csvOf('orderid,sku,qty', ...orders));
    writeFileSync(join(dir, 'allocations.csv'), FILES['allocations.csv']);
    const before = snapshot(dir);

    const { code, stderr } = await runCli([dir]);

    expect(code).toBe(74);
    expect(stderr).toContain('no space left on device (ENOSPC)');
    expect(snapshot(dir)).toEqual(before);
  });

  it.runIf(canMount)('reports a read-only folder', async () => {
    const dir = tmpfs('1m') as string;
    for (const [name, content] of Object.entries(FILES)) writeFileSync(join(dir, name), content);
    execFileSync('mount', ['-o', 'remount,ro', dir]);

    const { code, stderr } = await runCli([dir]);

    expect(code).toBe(74);
    expect(stderr).toContain(`${dir}: cannot lock the folder: read-only file system (EROFS)`);
  });

  it('reports a folder the user may not write to', async () => {
    const dir = sharedFolder();
    chmodSync(dir, 0o555);
    const before = snapshot(dir);

    const { code, stderr } = await runCli([dir], { uid: NOBODY });

    expect(code).toBe(74);
    expect(stderr).toContain('permission denied (EACCES); nothing was written');
    expect(snapshot(dir)).toEqual(before);
  });

  it('reports an input the user may not read', async () => {
    const dir = sharedFolder();
    chmodSync(join(dir, 'orders.csv'), 0o000);

    const { code, stderr } = await runCli([dir], { uid: NOBODY });

    expect(code).toBe(74);
    expect(stderr).toContain(`${join(dir, 'orders.csv')}: cannot read: permission denied (EACCES)`);
    expect(entries(dir)).toEqual(['allocations.csv', 'batches.csv', 'orders.csv']);
  });

  it.each(['availability.csv', 'unallocated.csv'])(
    'replaces no file when a folder stands where %s goes, and a dry run says so too',
    async (output) => {
      const dir = folderWith({ ...FILES, 'availability.csv': 'ref\n', 'unallocated.csv': 'x\n' });
      rmSync(join(dir, output));
      mkdirSync(join(dir, output));
      const files = () =>
        entries(dir)
          .filter((name) => name !== output && !name.startsWith('.'))
          .map((name) => [name, readFileSync(join(dir, name), 'utf8')]);
      const before = files();

      const dry = await runCli(['--dry-run', dir]);
      const { code, stderr } = await runCli([dir]);

      expect([dry.code, code]).toEqual([74, 74]);
      for (const said of [dry.stderr, stderr]) {
        expect(said).toContain(`${join(dir, output)}: cannot write: is a folder (EISDIR); nothing`);
      }
      expect(files()).toEqual(before);
      expect(entries(dir)).toEqual([
        'allocations.csv',
        'availability.csv',
        'batches.csv',
        'orders.csv',
        'unallocated.csv',
      ]);
    },
  );
});
