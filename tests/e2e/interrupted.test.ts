import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { describe, expect, it } from 'vitest';
import {
  AFTER_A_RUN,
  csvOf,
  entries,
  FILES,
  folderWith,
  read,
  runCli,
  snapshot,
} from '../support/cli.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

describe('a run stopped by a signal (Ctrl-C, kill, a closed terminal)', () => {
  it.each(SIGNALS)('%s before the commit: temp files removed, nothing written', async (signal) => {
    const dir = folderWith(FILES);
    const before = snapshot(dir);

    const result = await runCli([dir], { fault: `signal:${signal}` });

    expect(result.signal).toBe(signal);
    expect(result.stderr).toContain(
      `allocate-from-csv: interrupted (${signal}); nothing was written`,
    );
    expect(snapshot(dir)).toEqual(before);
    expect(entries(dir)).toEqual(Object.keys(FILES).sort());
  });

  it('once the commit has begun, finishes it, then says the signal came late', async () => {
    const dir = folderWith(FILES);

    const result = await runCli([dir], { fault: 'signal-at-commit:SIGTERM' });

    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'allocate-from-csv: SIGTERM came as the run was committing: it finished first',
    );
    expect(read(dir, 'allocations.csv')).toBe(
      csvOf('orderid,sku,qty,batchref', 'o0,CLOCK,5,b1', 'o1,CLOCK,3,b1', 'o2,CLOCK,4,b2'),
    );
    expect(entries(dir)).toEqual(AFTER_A_RUN);
  });

  it("leaves another run's lock alone when stopped while waiting for it", async () => {
    const dir = folderWith(FILES);
    const lock = join(dir, '.allocate-from-csv.lock');
    const release = await lockfile.lock(dir, { lockfilePath: lock });

    const result = await runCli(['--wait', '30', dir], {
      started: (child) => setTimeout(() => child.kill('SIGINT'), 1_000),
    });
    const stillLocked = await lockfile.check(dir, { lockfilePath: lock });
    await release();

    expect(result.signal).toBe('SIGINT');
    expect(result.stderr).toContain('interrupted (SIGINT); nothing was written');
    expect(stillLocked).toBe(true);
  });
});
