import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generateFolder } from '../bench/generate.mjs';
import { BIN, runCli } from '../support/cli.js';

/** Runs the CLI with a terminal for stdin, stdout and stderr (util-linux `script`). */
async function onTerminal(dir: string, env: NodeJS.ProcessEnv): Promise<string> {
  const command = `${process.execPath} ${BIN} ${dir}`;
  const run = promisify(execFile)('script', ['-qec', command, '/dev/null'], {
    env,
    maxBuffer: 1 << 26,
  });
  const { stdout } = await run.catch((error: unknown) => error as { stdout: string });
  return stdout;
}

function withoutCi(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.CI;
  return env;
}

describe('the progress display', () => {
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'allocate-progress-'));
    generateFolder(dir, 60_000, 5);
    return dir;
  };

  it('shows on a terminal', async () => {
    const screen = await onTerminal(folder(), withoutCi());

    expect(screen).toMatch(/allocating\s+\[[█░]+\] \d+% \d+\/60000/);
    expect(screen).toContain('order lines read   60000');
  });

  it('does not show under CI, nor when stderr is not a terminal', async () => {
    const underCi = await onTerminal(folder(), { ...withoutCi(), CI: 'true' });
    const piped = await runCli([folder()], { env: withoutCi() });

    expect(underCi).not.toContain('allocating');
    expect(underCi).toContain('order lines read   60000');
    expect(piped.stderr).not.toMatch(/allocating|\r/);
  });
});
