#!/usr/bin/env node
import { main } from '../dist/entrypoints/start.js';

process.exitCode = await main(process.argv.slice(2));
