import { Subnet } from '@cdktf/provider-azurestack/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurestack/lib/virtual-network';
import { describe, expect, it } from 'vitest';
import { HubAksCluster, type HubAksClusterProps, type HubStack } from '../lib';
import { CLIENT_ID, minimalProps, newStack, synthJson } from './helpers';

/**
 * Destroy must never delete something the cluster's nodes still use. Terraform destroys a resource
 * after everything that references it, and deleting a template deployment removes only its record
 * (the cluster keeps running). So any Terraform resource that a template deployment references,
 * directly or through others, is deleted while the nodes may still use it, unless it is the
 * resource group the deployment runs in, whose deletion takes the cluster with it.
 * This is derived from the references in cdk.tf.json, for every layout.
 */
type Tf = { resource?: Record<string, Record<string, unknown>>; provider?: Record<string, any[]> };

/** Addresses of `known` resources that a value references: inside `${…}` expressions, and depends_on entries. */
function references(value: unknown, known: ReadonlySet<string>, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (known.has(value)) found.add(value);
    for (const expr of value.split('${').slice(1)) {
      for (const m of expr.matchAll(/\b([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)/g)) if (known.has(`${m[1]}.${m[2]}`)) found.add(`${m[1]}.${m[2]}`);
    }
  } else if (Array.isArray(value)) value.forEach((v) => references(v, known, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => references(v, known, found));
  return found;
}

/** Problems with the destroy order of a synthesized stack; empty when destroy removes everything safely. */
function destroyProblems(tf: Tf): string[] {
  const resources = new Map<string, Record<string, unknown>>();
  for (const [type, byName] of Object.entries(tf.resource ?? {})) for (const [name, body] of Object.entries(byName)) resources.set(`${type}.${name}`, body as Record<string, unknown>);
  const known = new Set(resources.keys());
  const problems: string[] = [];
  for (const [address, body] of resources) {
    if (!address.startsWith('azurestack_template_deployment.')) continue;
    const ownGroup = [...references(body.resource_group_name, known)][0];
    // Everything the deployment depends on, transitively.
    const seen = new Set<string>();
    const queue = [...references(body, known)];
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (seen.has(next) || !resources.has(next)) continue;
      seen.add(next);
      queue.push(...references(resources.get(next), known));
    }
    for (const used of seen) {
      if (used !== ownGroup) problems.push(`${address} uses ${used}, which destroy deletes while the cluster may still use it`);
    }
  }
  if ([...resources.keys()].some((a) => a.startsWith('azurestack_resource_group.'))) {
    if (tf.provider?.azurestack?.[0]?.features?.resource_group?.prevent_deletion_if_contains_resources !== false) {
      problems.push('the provider refuses to delete a resource group that still holds resources');
    }
  }
  return problems;
}

const SUBNET = '/subscriptions/0000/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/hub-vnet/subnets/aks';
const LAYOUTS: Record<string, HubAksClusterProps> = {
  'new VNET (the default)': minimalProps(),
  'default VNET': minimalProps({ network: { plugin: 'kubenet', vnet: 'default' } }),
  'existing subnet': minimalProps({ network: { vnet: { subnetId: SUBNET } } }),
  'existing subnet with a role grant': minimalProps({ servicePrincipal: { clientId: CLIENT_ID, objectId: '99999999-0000-0000-0000-000000000000' }, network: { vnet: { subnetId: SUBNET } } }),
  'new VNET in an existing resource group': minimalProps({ resourceGroupName: 'shared-rg', existingResourceGroup: true }),
  'kubenet in a new VNET': minimalProps({ network: { plugin: 'kubenet', vnet: { subnetPrefix: '10.240.0.0/24' } } }),
  'Windows profile': minimalProps({ windowsProfile: { adminUsername: 'winops' } }),
};

function synth(build: (stack: HubStack) => void): Tf {
  const { stack } = newStack();
  build(stack);
  return synthJson(stack);
}

describe('destroy removes everything it made, in an order that works', () => {
  it.each(Object.entries(LAYOUTS))('%s', (_name, props) => {
    const tf = synth((s) => new HubAksCluster(s, 'cluster', props));
    expect(destroyProblems(tf)).toEqual([]);
    // Terraform manages only the group and the deployment; the network lives in the template.
    expect(Object.keys(tf.resource ?? {}).filter((t) => t !== 'azurestack_resource_group' && t !== 'azurestack_template_deployment')).toEqual([]);
  });

  it('two clusters in one stack', () => {
    const tf = synth((s) => {
      new HubAksCluster(s, 'a', minimalProps({ name: 'aks-a', nodePool: { count: 2 } }));
      new HubAksCluster(s, 'b', minimalProps({ name: 'aks-b', nodePool: { count: 2 } }));
    });
    expect(destroyProblems(tf)).toEqual([]);
  });

  it('finds the failure a Terraform-managed subnet would cause', () => {
    const tf = synth((s) => {
      const vnet = new VirtualNetwork(s, 'vnet', { name: 'v', location: 'local', resourceGroupName: 'net-rg', addressSpace: ['10.1.0.0/16'] });
      const subnet = new Subnet(s, 'subnet', { name: 'nodes', resourceGroupName: 'net-rg', virtualNetworkName: vnet.name, addressPrefix: '10.1.0.0/20' });
      new HubAksCluster(s, 'cluster', minimalProps({ network: { vnet: { subnetId: subnet.id } } }));
    });
    expect(destroyProblems(tf)).toEqual([
      expect.stringMatching(/uses azurestack_subnet\.subnet, which destroy deletes/),
      expect.stringMatching(/uses azurestack_virtual_network\.vnet, which destroy deletes/),
    ]);
  });
});
