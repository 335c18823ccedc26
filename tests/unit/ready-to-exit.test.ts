import { describe, expect, it } from 'vitest';
import { type Ending, readyToExit } from '../../src/entrypoints/ready-to-exit.js';

/** An ending whose output is handed over when told, with what was done written down. */
function recorded(stopping = () => false) {
  const done: string[] = [];
  let flush: () => void = () => undefined;
  const how: Ending = {
    flushed: () =>
      new Promise<void>((resolve) => {
        done.push('flushing');
        flush = () => {
          done.push('flushed');
          resolve();
        };
      }),
    stoppingBySignal: stopping,
  };
  return { done, how, flush: () => flush() };
}

describe('ending the process once the run is over', () => {
  it('is ready once the output has been handed over, not before', async () => {
    const { done, how, flush } = recorded();
    let ready: boolean | undefined;

    const ending = readyToExit(how).then((answer) => (ready = answer));
    await Promise.resolve();
    const beforeFlush = ready;
    flush();
    await ending;

    expect(beforeFlush).toBeUndefined();
    expect(ready).toBe(true);
    expect(done).toEqual(['flushing', 'flushed']);
  });

  it('leaves a process a signal is stopping to end by that signal', async () => {
    const { done, how } = recorded(() => true);

    expect(await readyToExit(how)).toBe(false);
    expect(done).toEqual([]);
  });

  it('and one whose signal came while its output was being handed over', async () => {
    let signalled = false;
    const { how, flush } = recorded(() => signalled);

    const ending = readyToExit(how);
    signalled = true;
    flush();

    expect(await ending).toBe(false);
  });
});
