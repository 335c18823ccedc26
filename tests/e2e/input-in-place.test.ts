import { execFileSync } from 'node:child_process';
import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILES, folderWith, runCli } from '../support/cli.js';

describe("what stands in an input file's place", () => {
  it.each([
    ['a named pipe', (path: string) => execFileSync('mkfifo', [path])],
    ['a device', (path: string) => symlinkSync('/dev/zero', path)],
  ])("refuses %s in an input's place at once, rather than wait or read on", async (_, make) => {
    const dir = folderWith(FILES);
    rmSync(join(dir, 'orders.csv'));
    make(join(dir, 'orders.csv'));

    const { code, stderr } = await runCli([dir]);

    expect(code).toBe(74);
    const said = 'cannot read: not a plain file (a named pipe or a device) (ENOTFILE)';
    expect(stderr).toContain(`${join(dir, 'orders.csv')}: ${said}; nothing was written`);
  });
});
