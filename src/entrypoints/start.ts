import { CLI_BUNDLE, CLI_CODE_CACHE, loadBundle } from './code-cache.js';
import type { end as endRun, main as run } from './main.js';

const loaded = loadBundle<{ main: typeof run; end: typeof endRun }>(CLI_BUNDLE, CLI_CODE_CACHE);

/** The CLI's `main` and `end`, from its bundle as the build made it (see code-cache.ts). */
export const { main, end } = loaded.exports;

/** Whether V8 compiled the bundle from the build's cache, as every run should. */
export const fromCache = loaded.cacheUsed;
