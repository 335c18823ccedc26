import { describe, expect, it } from 'vitest';
import { type Progress, waitShowing } from '../../src/entrypoints/progress.js';

/** A progress display that writes down the phases it is told of. */
function recording(): Progress & { phases: string[] } {
  const phases: string[] = [];
  return {
    phases,
    phase: (name) => phases.push(name),
    advance: () => undefined,
    stop: () => undefined,
  };
}

const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 20));

describe('waiting for work done elsewhere', () => {
  it('shows the wait as a phase when the result is not ready at once', async () => {
    const progress = recording();

    const value = await waitShowing(progress, 'reading', later('rows'));

    expect(value).toBe('rows');
    expect(progress.phases).toEqual(['reading']);
  });

  it('shows nothing when the result is already there', async () => {
    const progress = recording();

    const value = await waitShowing(progress, 'reading', Promise.resolve('rows'));

    expect(value).toBe('rows');
    expect(progress.phases).toEqual([]);
  });

  it('passes a failure on, shown or not', async () => {
    const progress = recording();
    const failing = later(undefined).then(() => Promise.reject(new Error('bad row')));

    await expect(waitShowing(progress, 'reading', failing)).rejects.toThrow('bad row');
    await expect(waitShowing(progress, 'reading', Promise.reject(new Error('x')))).rejects.toThrow(
      'x',
    );
  });
});
