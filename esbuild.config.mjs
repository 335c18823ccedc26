// The second step of `npm run build`, after tsc has written dist/: each of the two entry points
// (the CLI, and the worker that reads orders.csv) becomes one file with every module it uses.
// Node then reads and compiles one file at start-up instead of some two hundred, most of them
// zod's: a 10,000-line run took 0.40 s against 0.61 s (medians of 7). The rest of dist/ stays
// tsc's output, for the benchmark's core case, which imports the modules themselves.
//
// The CLI's file is CommonJS (dist/entrypoints/main.cjs): Node 20 compiles such a file from a
// V8 code cache, which the build makes last, by running the CLI on a copy of fixtures/demo, fresh
// and again (src/entrypoints/code-cache.ts). So is what loads it: dist/entrypoints/start.cjs,
// from src/entrypoints/start.ts, required by bin/allocate-from-csv.js (CommonJS by
// bin/package.json). A start that loads no ES module skips Node's ES module loader: the CLI's
// first line ran 6 to 9 ms sooner (medians of 40, timed in the process). The worker stays an ES
// module.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Whitespace and syntax only: names stay as written, so a stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};

// Two dependencies load a Node module as they load, for a use this CLI never makes: commander
// requires node:child_process, for subcommands run as programs, and signal-exit (which
// proper-lockfile uses) requires assert, for one check of an argument. Each is a millisecond or
// more of every start, and assert looks at stderr as it loads, which makes Node set up a socket
// for a piped stderr. In the bundle, commander's node:child_process is loaded when it first
// spawns, and signal-exit's assert is an `equal` that loads the real one only to report a failure.
const STAND_INS = {
  'child-process-when-used': `module.exports = {
    spawn: (...args) => require('node:child_process').spawn(...args),
  };`,
  'assert-equal': `module.exports = {
    equal(actual, expected, message) {
      if (actual != expected) require('node:assert').equal(actual, expected, message);
    },
  };`,
};
const lighterStart = {
  name: 'lighter-start',
  setup(build) {
    const standIn = (name) => ({ path: name, namespace: 'stand-in' });
    const inPackage = (importer, name) =>
      new RegExp(`[\\\\/]node_modules[\\\\/]${name}[\\\\/]`).test(importer);
    build.onResolve({ filter: /^node:child_process$/ }, ({ importer }) =>
      inPackage(importer, 'commander') ? standIn('child-process-when-used') : undefined,
    );
    build.onResolve({ filter: /^assert$/ }, ({ importer }) =>
      inPackage(importer, 'signal-exit') ? standIn('assert-equal') : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'stand-in' }, ({ path }) => ({
      contents: STAND_INS[path],
      loader: 'js',
    }));
  },
};

const commonjs = {
  ...shared,
  format: 'cjs',
  plugins: [lighterStart],
  // Modules find files beside them (the worker, package.json) from `import.meta.url`.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

for (const name of ['main', 'start']) {
  await build({
    ...commonjs,
    entryPoints: [`src/entrypoints/${name}.ts`],
    outfile: `dist/entrypoints/${name}.cjs`,
  });
}

await build({
  ...shared,
  entryPoints: ['src/adapters/lines-worker.ts'],
  outfile: 'dist/adapters/lines-worker.js',
  allowOverwrite: true,
  format: 'esm',
});

const { CLI_BUNDLE, CLI_CODE_CACHE, loadBundle, saveCodeCache } =
  await import('./dist/entrypoints/code-cache.js');
const work = mkdtempSync(join(tmpdir(), 'allocate-from-csv-build-'));
try {
  for (const name of ['batches.csv', 'orders.csv']) {
    copyFileSync(join('fixtures/demo', name), join(work, name));
  }
  rmSync(CLI_CODE_CACHE, { force: true });
  const cli = loadBundle(CLI_BUNDLE, CLI_CODE_CACHE);
  const silent = { stdout: () => undefined, stderr: () => undefined };
  for (const run of ['fresh', 'again']) {
    const code = await cli.exports.main(['--quiet', work], silent);
    if (code > 1) throw new Error(`the CLI's ${run} run on fixtures/demo exited ${code}`);
  }
  saveCodeCache(cli, CLI_CODE_CACHE);
} finally {
  rmSync(work, { recursive: true, force: true });
}
