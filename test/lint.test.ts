import * as path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rule that keeps provider package roots out of lib/, examples/, test/ and bench/. */
describe('provider root import lint', () => {
  const eslint = new ESLint({ cwd: path.resolve(__dirname, '..') });
  const lint = async (code: string) => (await eslint.lintText(code, { filePath: 'lib/probe.ts' }))[0]!.messages.map((m) => m.line);

  // Built from parts so that this file itself holds no root import for other checks to find.
  const stack = ['@cdktf', 'provider-azurestack'].join('/');
  const rm = ['@cdktf', 'provider-azurerm'].join('/');

  it('refuses every way of importing a provider package root', async () => {
    const code = [
      `import { provider } from '${stack}';`,
      `import type { kubernetesCluster } from '${rm}';`,
      `const a = require('${rm}');`,
      `const b = import('${rm}');`,
      `type C = import('${rm}').provider.AzurermProvider;`,
      "export { provider, a, b };",
      'export type { kubernetesCluster, C };',
    ].join('\n');
    expect(await lint(code)).toEqual([1, 2, 3, 4, 5]);
  });

  it('allows deep imports', async () => {
    expect(await lint("import { Subnet } from '@cdktf/provider-azurestack/lib/subnet';\nexport { Subnet };")).toEqual([]);
  });
});
