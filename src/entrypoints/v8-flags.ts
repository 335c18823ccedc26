import { createRequire } from 'node:module';

/** node:v8, loaded when first needed: 1.5 to 2.5 ms of every start otherwise. */
const load = createRequire(import.meta.url);

/**
 * Sets V8 flags in this process, once the CLI is compiled: a bin cannot pass them to Node, and
 * V8 refuses the code cache if its flags differ as it loads (see code-cache.ts).
 */
export function setV8Flags(flags: string): void {
  (load('node:v8') as typeof import('node:v8')).setFlagsFromString(flags);
}
