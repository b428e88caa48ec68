#!/usr/bin/env node
// Runs a TypeScript entry point straight from source: SWC compiles each file on load (with
// decorator metadata, which Nest's dependency injection needs) and the tsconfig path aliases
// (@invigil/*) resolve to the libs' sources. Usage: node tools/run-ts.js <entry.ts> [args...]
const path = require('node:path');
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', 'tsconfig.base.json');
require('reflect-metadata');
require('@swc-node/register');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node tools/run-ts.js <entry.ts> [args...]');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(entry), ...args];
require(path.resolve(entry));
