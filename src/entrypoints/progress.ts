import { createRequire } from 'node:module';

/**
 * cli-progress, loaded only when a bar is shown: with what it uses, it is a tenth of what the
 * CLI would otherwise compile at start-up, for a run no one watches.
 */
const load = createRequire(import.meta.url);

/** What a long run reports as it goes. */
export interface Progress {
  phase(name: string, total: number): void;
  advance(done: number): void;
  stop(): void;
}

const SILENT: Progress = {
  phase: () => undefined,
  advance: () => undefined,
  stop: () => undefined,
};

/**
 * A bar on stderr, only for a person watching: stderr is a terminal, not under CI, and neither
 * --quiet nor --json. It is told of progress every few thousand commands and redraws at most
 * ten times a second, so it costs nothing measurable. The stream is asked for only if the bar
 * may be shown: Node sets up `process.stderr` when it is first used, a socket for a pipe.
 */
export function progressBar(
  stderr: () => NodeJS.WriteStream,
  { quiet, env }: { quiet: boolean; env: NodeJS.ProcessEnv },
): Progress {
  if (quiet || env.CI) return SILENT;
  const stream = stderr();
  if (!stream.isTTY) return SILENT;
  const bar = singleBar(stream);
  let started = false;
  return {
    phase(name, total) {
      if (started) bar.stop();
      bar.start(total, 0, { phase: name.padEnd(12) });
      started = true;
    },
    advance(done) {
      if (started) bar.update(done);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

/** cli-progress's bar, loaded only when a bar is shown: at most ten redraws a second. */
function singleBar(stream: NodeJS.WriteStream) {
  const cliProgress = load('cli-progress') as typeof import('cli-progress');
  return new cliProgress.SingleBar(
    {
      stream,
      format: '{phase} [{bar}] {percentage}% {value}/{total}',
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
}

export { SILENT as noProgress };

/**
 * Waits for work done elsewhere (orders.csv read on another thread), showing `name` as a phase
 * meanwhile, but only if the result is not ready at once: a run whose rows are in never shows
 * it. A failure is passed on.
 */
export async function waitShowing<T>(progress: Progress, name: string, pending: Promise<T>) {
  const settled = pending.then(
    () => true,
    () => true,
  );
  const ready = await Promise.race([settled, new Promise<false>((go) => setImmediate(go, false))]);
  if (!ready) progress.phase(name, 1);
  return pending;
}
