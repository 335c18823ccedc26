import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/adapters/in-flight.js';
import { Interrupted } from '../../src/errors.js';

/** A name for a temp file in a folder of its own. */
function tempName(): string {
  return join(mkdtempSync(join(tmpdir(), 'allocate-in-flight-')), 'a.csv.tmp-1-00000000');
}

/** Makes a temp file through `inFlight`, as `stageFile` does. */
async function made(inFlight: InFlight): Promise<string> {
  const temp = tempName();
  await inFlight.make(temp, () => {
    writeFileSync(temp, 'x\n');
    return Promise.resolve();
  });
  return temp;
}

describe('what a run has in flight, when a signal stops it', () => {
  it('before the commit: removes the temp files and refuses to go on', async () => {
    const inFlight = new InFlight();
    const temps = [await made(inFlight), await made(inFlight)];

    await inFlight.stop('SIGTERM');

    expect(temps.filter((temp) => existsSync(temp))).toEqual([]);
    await expect(made(inFlight)).rejects.toThrow(Interrupted);
    expect(() => inFlight.beginCommit()).toThrow(/interrupted \(SIGTERM\)/);
  });

  it('removes a temp file still being made, once it is made', async () => {
    const inFlight = new InFlight();
    const temp = tempName();
    let finish = () => {};
    const making = inFlight.make(temp, () => new Promise<void>((done) => (finish = done)));

    const stopped = inFlight.stop('SIGINT');
    writeFileSync(temp, 'x\n');
    finish();
    await making;
    await stopped;

    expect(existsSync(temp)).toBe(false);
  });

  it('once the commit has begun: leaves everything to finish', async () => {
    const inFlight = new InFlight();
    const temp = await made(inFlight);
    inFlight.beginCommit();

    expect(inFlight.stop('SIGINT')).toBe(false);

    expect(existsSync(temp)).toBe(true);
  });

  it('forgets a temp file renamed or removed: stopping leaves it alone', async () => {
    const inFlight = new InFlight();
    const [renamed, other] = [await made(inFlight), await made(inFlight)];
    inFlight.delete(renamed);

    await inFlight.stop('SIGINT');

    expect([existsSync(renamed), existsSync(other)]).toEqual([true, false]);
  });
});
