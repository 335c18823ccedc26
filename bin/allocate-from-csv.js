#!/usr/bin/env node
'use strict';
// CommonJS (bin/package.json says so), as is the start it requires (see esbuild.config.mjs):
// Node then sets up no ES module loader.
const { main, readyToExit } = require('../dist/entrypoints/start.cjs');

void main(process.argv.slice(2)).then(async (code) => {
  process.exitCode = code;
  // At once, rather than once Node has freed V8's heap (see src/entrypoints/ready-to-exit.ts).
  if (await readyToExit()) process.exit();
});
