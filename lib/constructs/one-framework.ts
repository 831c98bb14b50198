import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'cdktf';
import { Construct } from 'constructs';

/** Thrown when the app and this library loaded different copies of cdktf or constructs. */
export class DuplicateFrameworkError extends Error {
  constructor(pkg: 'cdktf' | 'constructs') {
    const range = peerRange(pkg);
    super(
      [
        `cdktf-aks-hub: two copies of '${pkg}' are loaded, the app's and another one below cdktf-aks-hub.`,
        `Constructs from one copy cannot be scopes of the other, and the Hub checks that recognise resources by class would silently miss them.`,
        `Fix: install one '${pkg}' in the app that satisfies ${range} (the range cdktf-aks-hub accepts), remove any nested copy, and run 'npm dedupe'; 'npm ls ${pkg}' shows every copy.`,
      ].join('\n'),
    );
    this.name = 'DuplicateFrameworkError';
  }
}

/** The peer range in this package's package.json (two folders up from lib/constructs and dist/constructs). */
function peerRange(pkg: string): string {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    return String(manifest.peerDependencies?.[pkg] ?? 'the peer range in package.json');
  } catch {
    return 'the peer range in package.json';
  }
}

/**
 * `scope`, once it is known to come from the same cdktf and constructs as this library. The
 * frameworks mark their classes with global symbols, so a scope from another copy is still
 * recognisable; without this check it fails later with `scope.node._scopes is not iterable`.
 */
export function sameFramework<T>(scope: T): T {
  if (!(scope instanceof Construct)) {
    if (Construct.isConstruct(scope)) throw new DuplicateFrameworkError('constructs');
    return scope;
  }
  const root = scope.node.root;
  if (App.isApp(root) && !(root instanceof App)) throw new DuplicateFrameworkError('cdktf');
  return scope;
}
