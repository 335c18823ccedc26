import { describe, expect, it } from 'vitest';
import { type Ending, end } from '../../src/entrypoints/end.js';

/** An ending that writes down what was done, in order, with output that flushes when told. */
function recorded(stopping = () => false) {
  const done: string[] = [];
  let flush: () => void = () => undefined;
  const how: Ending = {
    flushed: () =>
      new Promise<void>((resolve) => {
        done.push('flushing');
        flush = resolve;
      }),
    stoppingBySignal: stopping,
    exit: (code) => done.push(`exit ${code}`),
    exitWhenIdle: (code) => done.push(`exit ${code} when idle`),
  };
  return { done, how, flush: () => flush() };
}

describe('ending the process once the run is over', () => {
  it("ends it with the run's code, only once the output has been handed over", async () => {
    const { done, how, flush } = recorded();

    const ending = end(1, how);
    await Promise.resolve();
    const beforeFlush = [...done];
    flush();
    await ending;

    expect(beforeFlush).toEqual(['exit 1 when idle', 'flushing']);
    expect(done).toEqual(['exit 1 when idle', 'flushing', 'exit 1']);
  });

  it('leaves a process a signal is stopping to end by that signal', async () => {
    const { done, how } = recorded(() => true);

    await end(130, how);

    expect(done).toEqual(['exit 130 when idle']);
  });

  it('and one whose signal came while its output was being handed over', async () => {
    let signalled = false;
    const { done, how, flush } = recorded(() => signalled);

    const ending = end(0, how);
    signalled = true;
    flush();
    await ending;

    expect(done).toEqual(['exit 0 when idle', 'flushing']);
  });
});
