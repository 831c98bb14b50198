import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { evaluate } from '../../lib/import/arm-expressions';
import { STAMP, minimalProps } from '../helpers';
import { merge } from './rule-harness';
import { renderArmParameters, renderArmTemplate, resolveProps } from './internals';

/** The CLI's camelCase names where they differ from ARM's (the Hub docs' az aks scale output shows osDiskSizeGb). */
const CLI_NAMES: Readonly<Record<string, string>> = { osDiskSizeGB: 'osDiskSizeGb', vnetSubnetID: 'vnetSubnetId', dnsServiceIP: 'dnsServiceIp', enableRBAC: 'enableRbac' };

const cliNames = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(cliNames) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [CLI_NAMES[k] ?? k, cliNames(x)])) : v;

/**
 * What `az aks show -o json` prints for the quickstart cluster after its template deployed: the
 * managed cluster of the template with its parameters' values, `properties` flattened to the top
 * and the CLI's names, plus what the resource provider adds. No secret: the RP never returns it.
 */
export function liveQuickstart(patch: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const rendering = renderArmTemplate(resolveProps('t', minimalProps(), STAMP).model);
  const parameters = new Map(Object.entries(rendering.values).map(([name, value]) => [name, { value, path: name, secure: false }]));
  const cluster = rendering.template.resources.find((r) => r.type === 'Microsoft.ContainerService/managedClusters')!;
  const resolved = evaluate(cluster, { parameters, variables: {}, copyIndex: new Map() }) as Record<string, any>;
  const { properties, type: _t, apiVersion: _a, dependsOn: _d, ...top } = resolved;
  const { secret: _s, ...sp } = properties.servicePrincipalProfile;
  const live = {
    id: `/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/demo-aks-rg/providers/Microsoft.ContainerService/managedClusters/${top.name}`,
    ...top,
    ...properties,
    servicePrincipalProfile: sp,
    provisioningState: 'Succeeded',
    fqdn: `${properties.dnsPrefix}-1a2b3c4d.hcp.local.azurestack.external`,
    nodeResourceGroup: `MC_demo-aks-rg_${top.name}_local`,
    maxAgentPools: 1,
  };
  return merge(cliNames(live), patch) as Record<string, unknown>;
}

/** Writes the quickstart's azuredeploy.json and parameters file to a new folder; returns it. */
export function quickstartArmFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aks-hub-drift-'));
  const rendering = renderArmTemplate(resolveProps('t', minimalProps(), STAMP).model);
  fs.writeFileSync(path.join(dir, 'azuredeploy.json'), JSON.stringify(rendering.template));
  fs.writeFileSync(path.join(dir, 'azuredeploy.parameters.json'), JSON.stringify(renderArmParameters(rendering)));
  return dir;
}
