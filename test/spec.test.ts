import { describe, expect, it } from 'vitest';
import { PROP_DEFAULTS, checkProps, resolveProps } from './support/internals';
import { requiredSubnetAddresses } from '../lib/rules/catalog';
import { parseCidr } from '../lib/model/cidr';
import { CLIENT_ID, SSH_KEY, STAMP, minimalProps } from './helpers';

const specOf = (props: unknown) => resolveProps('test', props, STAMP).model;

describe('cluster model defaults from props', () => {
  const spec = specOf(minimalProps());

  it('applies every Hub default once', () => {
    expect(spec.name).toBe('demo-aks');
    expect(spec.location).toBe('local');
    expect(spec.apiProfile).toBe('2020-09-01-hybrid');
    expect(spec.resourceGroup).toEqual({ name: 'demo-aks-rg', owned: true });
    expect(spec.dnsPrefix).toBe('demo-aks');
    expect(spec.kubernetesVersion).toBe('1.20.7');
    expect(spec.enableRbac).toBe(true);
    expect(spec.skuTier).toBe('Free');
    expect(spec.servicePrincipal).toEqual({ clientId: CLIENT_ID });
    expect(spec.nodePool).toEqual({
      name: 'nodepool1',
      count: 3,
      vmSize: 'Standard_DS2_v2',
      osDiskSizeGb: 100,
      maxPods: 30,
      osType: 'Linux',
      mode: 'System',
      type: 'VirtualMachineScaleSets',
    });
    expect(spec.linuxProfile).toEqual({ adminUsername: 'azureuser', sshPublicKey: SSH_KEY });
    expect(spec.windowsProfile).toBeUndefined();
    expect(spec.network).toEqual({
      plugin: 'azure',
      loadBalancerSku: 'basic',
      outboundType: 'loadBalancer',
      serviceCidr: '10.0.0.0/16',
      dnsServiceIp: '10.0.0.10',
      dockerBridgeCidr: '172.17.0.1/16',
      subnet: { kind: 'new', vnetName: 'demo-aks-vnet', addressSpace: ['10.240.0.0/16'], subnetName: 'aks-nodes', subnetPrefix: '10.240.0.0/20' },
    });
    expect(spec.tags).toEqual({});
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(spec)).toBe(true);
    expect(Object.isFrozen(spec.nodePool)).toBe(true);
    expect(Object.isFrozen(spec.network.subnet)).toBe(true);
    expect(() => {
      (spec.nodePool as { count: number }).count = 99;
    }).toThrow(TypeError);
  });

  it('sizes the default subnet for the 50-node Hub maximum at the default max pods', () => {
    const subnet = parseCidr(PROP_DEFAULTS['network.vnet.subnetPrefix'])!;
    const need = requiredSubnetAddresses(spec, 50);
    expect(need).toBe(BigInt(51 * 31 + 5));
    expect(subnet.size >= need).toBe(true);
    // and the /21 below it would also hold it, so the default is not wildly oversized
    expect(subnet.size / 2n >= need).toBe(true);
  });

  it('uses kubenet defaults when kubenet is chosen', () => {
    const k = specOf(minimalProps({ network: { plugin: 'kubenet' } }));
    expect(k.network.plugin).toBe('kubenet');
    expect(k.network.podCidr).toBe('10.244.0.0/16');
    expect(k.nodePool.maxPods).toBe(110);
  });

  it('takes an existing subnet instead of creating a VNET', () => {
    const id = '/subscriptions/s/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/v/subnets/n';
    const e = specOf(minimalProps({ network: { vnet: { subnetId: id } } }));
    expect(e.network.subnet).toEqual({ kind: 'existing', subnetId: id });
  });

  it('keeps what the user set', () => {
    const s = specOf(
      minimalProps({
        dnsPrefix: 'demo',
        resourceGroupName: 'rg1',
        existingResourceGroup: true,
        enableRbac: false,
        tags: { env: 'test' },
        nodePool: { name: 'pool', count: 5, vmSize: 'Standard_F4s_v2', osDiskSizeGb: 64, maxPods: 50 },
        linuxProfile: { adminUsername: 'ops', sshPublicKey: SSH_KEY },
        network: { plugin: 'azure', policy: 'azure', vnet: { name: 'v', addressSpace: ['10.1.0.0/16'], subnetName: 's', subnetPrefix: '10.1.0.0/20' } },
      }),
    );
    expect(s.dnsPrefix).toBe('demo');
    expect(s.resourceGroup).toEqual({ name: 'rg1', owned: false });
    expect(s.enableRbac).toBe(false);
    expect(s.tags).toEqual({ env: 'test' });
    expect(s.nodePool).toMatchObject({ name: 'pool', count: 5, vmSize: 'Standard_F4s_v2', osDiskSizeGb: 64, maxPods: 50 });
    expect(s.linuxProfile?.adminUsername).toBe('ops');
    expect(s.network.policy).toBe('azure');
    expect(s.network.subnet).toEqual({ kind: 'new', vnetName: 'v', addressSpace: ['10.1.0.0/16'], subnetName: 's', subnetPrefix: '10.1.0.0/20' });
  });

  it('returns no spec when the shape is wrong', () => {
    const r = checkProps({ name: 3 }, STAMP);
    expect(r.model).toBeUndefined();
    expect(r.findings.map((v) => v.ruleId)).toContain('HUB100');
  });
});
