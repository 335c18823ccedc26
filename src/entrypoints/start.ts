import { CLI_BUNDLE, CLI_CODE_CACHE, loadBundle } from './code-cache.js';
import type { main as run } from './main.js';

/** The CLI's `main`, from its bundle as the build made it (see code-cache.ts). */
export const { main } = loadBundle<{ main: typeof run }>(CLI_BUNDLE, CLI_CODE_CACHE).exports;
