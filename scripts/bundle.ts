/**
 * The last step of `npm run build`: the library as two CommonJS bundles, so that an app loads one
 * file instead of about eighty, and zod/mini's unused parts not at all.
 *
 * - dist/bundle.js holds the library and cdktf-aks-hub/testing, which share state (the files a
 *   stack writes, its findings) and so must be one module graph. dist/index.js and
 *   dist/testing/index.js become one-line views of it.
 * - dist/cli/main.js holds the aks-hub command, which runs in a process of its own.
 * - dist/kubernetes/index.js stays as TypeScript wrote it: it loads the optional provider packages.
 *
 * cdktf, constructs and the provider packages stay outside: they are the app's own.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const common = {
  bundle: true,
  platform: 'node' as const,
  target: 'node20',
  format: 'cjs' as const,
  // ESM builds of dependencies, so that unused exports are left out.
  mainFields: ['module', 'main'],
  external: ['cdktf', 'constructs', '@cdktf/*'],
  legalComments: 'none' as const,
  // Less to parse when an app starts. HubValidationError's stack shows only the user's frames, so
  // the library's own names are not needed (AKS_HUB_BUNDLE_PLAIN=1 keeps them, for profiling).
  minify: process.env.AKS_HUB_BUNDLE_PLAIN !== '1',
  logLevel: 'warning' as const,
};

buildSync({
  ...common,
  stdin: { contents: "export * as api from './lib/index';\nexport * as testing from './lib/testing/index';\n", resolveDir: ROOT, sourcefile: 'bundle.ts', loader: 'ts' },
  outfile: path.join(DIST, 'bundle.js'),
});
buildSync({ ...common, entryPoints: [path.join(ROOT, 'lib', 'cli', 'main.ts')], outfile: path.join(DIST, 'cli', 'main.js'), allowOverwrite: true });

// Only the entry points and the bundles remain as JavaScript; the declarations stay for types.
const keep = new Set(['bundle.js', 'index.js', path.join('testing', 'index.js'), path.join('cli', 'main.js'), path.join('kubernetes', 'index.js')]);
const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
for (const file of walk(DIST)) {
  const rel = path.relative(DIST, file);
  if ((rel.endsWith('.js') || rel.endsWith('.json')) && !keep.has(rel)) fs.rmSync(file);
}
fs.writeFileSync(path.join(DIST, 'index.js'), "'use strict';\nmodule.exports = require('./bundle.js').api;\n");
fs.writeFileSync(path.join(DIST, 'testing', 'index.js'), "'use strict';\nmodule.exports = require('../bundle.js').testing;\n");
