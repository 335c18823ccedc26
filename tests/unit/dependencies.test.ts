import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** What each layer may import, besides itself: dependencies point inward. */
const ALLOWED: Record<string, readonly string[]> = {
  domain: ['errors.ts'],
  'service-layer': ['domain', 'errors.ts'],
  adapters: ['domain', 'service-layer', 'errors.ts', 'node:', 'package'],
  entrypoints: ['bootstrap.ts', 'domain', 'errors.ts', 'node:', 'package'],
  'bootstrap.ts': ['adapters', 'domain', 'service-layer', 'errors.ts', 'node:', 'package'],
  'errors.ts': [],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function layerOf(specifier: string, file: string): string {
  if (specifier.startsWith('node:')) return 'node:';
  if (!specifier.startsWith('.')) return 'package';
  const target = relative(SRC, resolve(dirname(file), specifier)).replace(/\.js$/, '.ts');
  return target.split('/')[0] ?? target;
}

describe('dependencies point inward', () => {
  const files = sourceFiles(SRC).filter((f) => f.endsWith('.ts'));

  it.each(files.map((f) => [relative(SRC, f), f]))('%s imports only inner layers', (name, file) => {
    const layer = name.split('/')[0] ?? name;
    const imports = [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map(
      (m) => m[1] ?? '',
    );

    const outside = imports.map((s) => layerOf(s, file)).filter((l) => l !== layer);

    expect(outside.filter((l) => !(ALLOWED[layer] ?? []).includes(l))).toEqual([]);
  });
});
