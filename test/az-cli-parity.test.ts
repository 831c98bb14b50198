import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type HubAksClusterProps } from '../lib';
import { renderArmTemplate, resolveProps } from './support/internals';
import { CLIENT_ID, SSH_KEY, STAMP } from './helpers';
import { PLACEHOLDERS, capture, clusterAsSent, differencesFromCli, leaves } from './support/cli-parity';

/**
 * The Hub docs' three `az aks create` examples, as the Azure CLI sends them (PUT bodies captured
 * from azure-cli 2.45 on the 2020-09-01-hybrid profile, `fixtures/az-cli-capture/`), against what
 * the library renders for the props a user writes for the same flags.
 *
 * Where the CLI's default differs from the library's, the user writes the flag's value out:
 * no `--network-plugin` is kubenet to the CLI (the library defaults to Azure CNI, as the Hub docs
 * say), and no `--vnet-subnet-id` is the resource provider's default VNET (the library defaults to
 * a VNET in the template). The docs' client ids are placeholders, not GUIDs (a client id must be
 * one, HUB100), and the comparison leaves the client id out.
 */
const SUBNET = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myTest-rg/providers/Microsoft.Network/virtualNetworks/myAKSVnet/subnets/myAKSSubnet';

const FLAGS_AS_PROPS: Record<string, HubAksClusterProps> = {
  // --name myakscluster --dns-name-prefix myakscluster --nodepool-name mynodepool --admin-username azureuser
  // --service-principal … --node-count 3 --generate-ssh-keys --load-balancer-sku basic
  // --vm-set-type VirtualMachineScaleSets --location local --kubernetes-version 1.20.7
  linux: {
    name: 'myakscluster',
    dnsPrefix: 'myakscluster',
    servicePrincipal: { clientId: CLIENT_ID },
    kubernetesVersion: '1.20.7',
    loadBalancerSku: 'basic',
    nodePool: { name: 'mynodepool', count: 3, type: 'VirtualMachineScaleSets' },
    linuxProfile: { adminUsername: 'azureuser', sshPublicKey: SSH_KEY },
    network: { plugin: 'kubenet', vnet: 'default' },
  },
  // … --network-plugin azure --windows-admin-username azureuser --windows-admin-password …
  windows: {
    name: 'akswin',
    dnsPrefix: 'akswin',
    servicePrincipal: { clientId: CLIENT_ID },
    kubernetesVersion: '1.20.7',
    loadBalancerSku: 'basic',
    nodePool: { name: 'mypool', count: 3, type: 'VirtualMachineScaleSets' },
    linuxProfile: { adminUsername: 'azureuser', sshPublicKey: SSH_KEY },
    windowsProfile: { adminUsername: 'azureuser' },
    network: { plugin: 'azure', vnet: 'default' },
  },
  // … --network-plugin azure --vnet-subnet-id … --skip-subnet-role-assignment
  // --docker-bridge-address 172.17.0.1/16 --dns-service-ip 10.0.0.10 (no --kubernetes-version)
  'custom-vnet': {
    name: 'aksvnet',
    dnsPrefix: 'aksvnet',
    servicePrincipal: { clientId: CLIENT_ID },
    loadBalancerSku: 'basic',
    nodePool: { name: 'mynodepool', count: 3, type: 'VirtualMachineScaleSets' },
    linuxProfile: { adminUsername: 'azureuser', sshPublicKey: SSH_KEY },
    network: { plugin: 'azure', vnet: { subnetId: SUBNET }, dockerBridgeCidr: '172.17.0.1/16', dnsServiceIp: '10.0.0.10' },
  },
};

/** The managed cluster the library renders for `props`, as the resource provider receives it. */
function sentByLibrary(props: HubAksClusterProps): { body: Record<string, unknown>; secretParameters: string[] } {
  const { template, values } = renderArmTemplate(resolveProps('t', props, STAMP).model);
  return clusterAsSent(template, values);
}

/** A leaf path as the guide names it: `sku` stands for its two leaves. */
const fieldName = (p: string): string => (p.startsWith('sku.') ? 'sku' : p);

/** The resource provider guide's table of fields the library sends beyond the CLI: first column, as `path`. */
function readmeAddedFields(): Set<string> {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'docs', 'aks-resource-provider.md'), 'utf8');
  const section = readme.split('\n## ').find((s) => s.startsWith('What the library sends beyond `az aks create`'));
  expect(section, 'resource provider guide, section "What the library sends beyond `az aks create`"').toBeDefined();
  return new Set([...section!.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!));
}

describe.each(Object.keys(FLAGS_AS_PROPS))('the docs\' %s example', (name) => {
  const { apiVersion: _apiVersion, body: cliBody } = capture(name as 'linux');
  const cli = leaves(cliBody);
  const { body, secretParameters } = sentByLibrary(FLAGS_AS_PROPS[name]!);
  const ours = leaves(body);

  it('is sent at the api-version the CLI uses', () => {
    const { template } = renderArmTemplate(resolveProps('t', FLAGS_AS_PROPS[name]!, STAMP).model);
    expect(template.resources.find((r) => r.type === 'Microsoft.ContainerService/managedClusters')!.apiVersion).toBe(_apiVersion);
  });

  it('sends every field the CLI sends, with the same value', () => {
    expect(cli.size).toBeGreaterThan(20);
    expect(differencesFromCli(cliBody, body, { secretParameters, sshKey: SSH_KEY, ignore: PLACEHOLDERS })).toEqual([]);
  });

  it('adds only the fields the guide lists, each with its reason', () => {
    const added = [...ours.keys()].filter((p) => !cli.has(p)).map(fieldName);
    const listed = readmeAddedFields();
    for (const p of new Set(added)) expect(listed.has(p), `${p} is sent but not in the guide's table`).toBe(true);
  });
});

it("every field in the guide's table is one the library really adds to some example", () => {
  const added = new Set<string>();
  for (const [name, props] of Object.entries(FLAGS_AS_PROPS)) {
    const cli = leaves(capture(name as 'linux').body);
    for (const p of leaves(sentByLibrary(props).body).keys()) if (!cli.has(p)) added.add(fieldName(p));
  }
  expect([...readmeAddedFields()].sort()).toEqual([...added].sort());
});
