import { describe, expect, it } from 'vitest';
import { PhaseClock } from '../../src/entrypoints/phase-clock.js';

/** A clock that reads the milliseconds it is given, one after the other. */
function ticking(...readings: number[]): () => number {
  return () => readings.shift() ?? Number.NaN;
}

describe('the time each phase of a run took', () => {
  it('gives each phase the time since the one before ended, in seconds', () => {
    const clock = new PhaseClock(ticking(1000, 1250, 1300, 2300));

    clock.lap('reading');
    clock.lap('batches');
    clock.lap('allocating');

    expect(clock.seconds()).toEqual({
      reading: 0.25,
      batches: 0.05,
      restoring: 0,
      allocating: 1,
      writing: 0,
    });
  });

  it('adds up a phase that comes back, such as waiting for orders.csv', () => {
    const clock = new PhaseClock(ticking(0, 400, 900, 1000));

    clock.lap('reading');
    clock.lap('restoring');
    clock.lap('reading');

    expect(clock.seconds()).toMatchObject({ reading: 0.5, restoring: 0.5 });
  });

  it('gives the time of the whole run, every phase together', () => {
    const clock = new PhaseClock(ticking(0, 400, 900, 1000.4));

    clock.lap('reading');
    clock.lap('restoring');
    clock.lap('reading');

    expect(clock.total()).toBe(1);
  });

  it('rounds to the millisecond', () => {
    const clock = new PhaseClock(ticking(0, 12.3456));

    clock.lap('writing');

    expect(clock.seconds().writing).toBe(0.012);
  });
});
