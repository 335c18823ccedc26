import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/**
 * A module loaded the first time it is asked for, not when the CLI starts: most runs never need
 * it, and what is not loaded is not compiled (see the README's Dependencies). The caller says
 * what the module is, as it would of any `require`.
 */
export function later(id: string): () => unknown {
  let module: unknown;
  return () => (module ??= load(id) as unknown);
}
