import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/adapters/in-flight.js';
import { Interrupted } from '../../src/errors.js';

/** Two temp files made and listed, as `stageFile` lists them. */
function twoTemps(inFlight: InFlight): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'allocate-in-flight-'));
  const temps = ['a.csv.tmp-1-00000000', 'b.csv.tmp-1-00000000'].map((name) => join(dir, name));
  for (const temp of temps) {
    inFlight.add(temp);
    writeFileSync(temp, 'x\n');
  }
  return temps;
}

describe('what a run has in flight, when a signal stops it', () => {
  it('before the commit: removes the temp files and refuses to go on', () => {
    const inFlight = new InFlight();
    const temps = twoTemps(inFlight);

    expect(inFlight.stop('SIGTERM')).toBe(true);

    expect(temps.filter((temp) => existsSync(temp))).toEqual([]);
    expect(() => inFlight.add(`${temps[0] ?? ''}-2`)).toThrow(Interrupted);
    expect(() => inFlight.beginCommit()).toThrow(/interrupted \(SIGTERM\)/);
  });

  it('once the commit has begun: leaves everything to finish', () => {
    const inFlight = new InFlight();
    const temps = twoTemps(inFlight);
    inFlight.beginCommit();

    expect(inFlight.stop('SIGINT')).toBe(false);

    expect(temps.filter((temp) => existsSync(temp))).toEqual(temps);
  });

  it('forgets a temp file renamed or removed: stopping leaves it alone', () => {
    const inFlight = new InFlight();
    const [renamed, other] = twoTemps(inFlight) as [string, string];
    inFlight.delete(renamed);

    inFlight.stop('SIGINT');

    expect([existsSync(renamed), existsSync(other)]).toEqual([true, false]);
  });
});
