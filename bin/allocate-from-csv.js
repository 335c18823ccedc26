#!/usr/bin/env node
'use strict';
// CommonJS (bin/package.json says so), as is the start it requires (see esbuild.config.mjs):
// Node then sets up no ES module loader.
const { main, end } = require('../dist/entrypoints/start.cjs');

void main(process.argv.slice(2)).then(end);
