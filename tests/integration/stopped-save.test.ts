import { describe, expect, it } from 'vitest';
import { CsvUnitOfWork } from '../../src/adapters/csv-unit-of-work.js';
import { InFlight } from '../../src/adapters/in-flight.js';
import { Interrupted } from '../../src/errors.js';
import { entries, FILES, folderWith, snapshot } from '../support/cli.js';

describe('the CSV unit of work, once a signal has stopped its run', () => {
  it('saves nothing, and fails as interrupted rather than as a write that failed', async () => {
    const dir = folderWith(FILES);
    const before = snapshot(dir);
    const inFlight = new InFlight();
    const uow = await CsvUnitOfWork.open(dir, { waitSeconds: 0, inFlight });
    await inFlight.stop('SIGTERM');

    const error = await uow.save([]).catch((e: unknown) => e);
    await uow.close();

    expect(error).toBeInstanceOf(Interrupted);
    expect(snapshot(dir)).toEqual(before);
    expect(entries(dir)).toEqual(Object.keys(FILES).sort());
  });
});
