#!/usr/bin/env node
// The aks-hub command. Installed packages run the compiled CLI; a checkout without a build runs
// the TypeScript source through tsx.
const fs = require('node:fs');
const path = require('node:path');

const built = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!fs.existsSync(built)) require('tsx/cjs');
const { run } = require(fs.existsSync(built) ? built : path.join(__dirname, '..', 'lib', 'cli', 'main.ts'));
process.exitCode = run(process.argv.slice(2));
