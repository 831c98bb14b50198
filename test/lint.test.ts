import * as path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rule that keeps provider package roots out of lib/, examples/, test/ and bench/. */
describe('provider root import lint', () => {
  const eslint = new ESLint({ cwd: path.resolve(__dirname, '..') });
  const lint = async (code: string) => (await eslint.lintText(code, { filePath: 'lib/probe.ts' }))[0]!.messages.map((m) => m.line);

  it('refuses every way of importing a provider package root', async () => {
    const code = [
      "import { provider } from '@cdktf/provider-azurestack';",
      "import type { kubernetesCluster } from '@cdktf/provider-azurerm';",
      "const a = require('@cdktf/provider-azurerm');",
      "const b = import('@cdktf/provider-azurerm');",
      "type C = import('@cdktf/provider-azurerm').provider.AzurermProvider;",
      "export { provider, a, b };",
      'export type { kubernetesCluster, C };',
    ].join('\n');
    expect(await lint(code)).toEqual([1, 2, 3, 4, 5]);
  });

  it('allows deep imports', async () => {
    expect(await lint("import { Subnet } from '@cdktf/provider-azurestack/lib/subnet';\nexport { Subnet };")).toEqual([]);
  });
});
