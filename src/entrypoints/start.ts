import { CLI_BUNDLE, CLI_CODE_CACHE, loadBundle } from './code-cache.js';
import type { main as run, readyToExit as ready } from './main.js';

const loaded = loadBundle<{ main: typeof run; readyToExit: typeof ready }>(
  CLI_BUNDLE,
  CLI_CODE_CACHE,
);

/** The CLI's `main` and `readyToExit`, from its bundle as the build made it (see code-cache.ts). */
export const { main, readyToExit } = loaded.exports;

/** Whether V8 compiled the bundle from the build's cache, as every run should. */
export const fromCache = loaded.cacheUsed;
