#!/usr/bin/env node
// The aks-hub command. Installed packages run the compiled CLI; a checkout (which has the
// TypeScript sources, not shipped in the package) runs them through tsx, so a stale dist/ never
// answers for the code.
const fs = require('node:fs');
const path = require('node:path');

const source = path.join(__dirname, '..', 'lib', 'cli', 'main.ts');
const fromSource = fs.existsSync(source);
if (fromSource) require('tsx/cjs');
const { run } = require(fromSource ? source : path.join(__dirname, '..', 'dist', 'cli', 'main.js'));
const code = run(process.argv.slice(2));
// Commands that run aks-engine-azurestack answer with a promise.
if (typeof code === 'number') process.exitCode = code;
else code.then((c) => (process.exitCode = c));
