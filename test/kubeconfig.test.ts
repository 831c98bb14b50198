import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { HubAksCluster, HubStack } from '../lib';
import { hubHelmProvider, hubKubernetesProvider } from '../lib/kubernetes';
import { HUB, minimalProps, newStack, runCli, synthJson, tmpDir } from './helpers';

const outputsOf = (cluster: HubAksCluster) => Object.keys(cluster.armTemplate.outputs).sort();
const templateBody = (tf: any) => JSON.parse(Object.values<any>(tf.resource.azurestack_template_deployment)[0].template_body);

describe('a cluster kubeconfig', () => {
  it('is not in the template unless asked for', () => {
    const { stack } = newStack();
    const cluster = new HubAksCluster(stack, 'c', minimalProps());
    expect(outputsOf(cluster)).toEqual(['clusterResourceId', 'controlPlaneFqdn', 'nodeResourceGroup', 'subnetId']);
    expect(JSON.stringify(synthJson(stack))).not.toContain('listCluster');
  });

  it.each([
    ['user', 'userKubeconfig', 'listClusterUserCredential'],
    ['admin', 'adminKubeconfig', 'listClusterAdminCredential'],
  ] as const)('asked for as %s, is one output of the template and of azuredeploy.json', (credential, output, fn) => {
    const app = new App({ outdir: tmpDir('kubeconfig') });
    const stack = new HubStack(app, 'aks-hub', { hub: HUB });
    const cluster = new HubAksCluster(stack, 'c', minimalProps());
    cluster.kubeconfig(credential);
    expect(outputsOf(cluster)).toContain(output);
    expect(cluster.armTemplate.outputs[output]).toEqual({ type: 'string', value: `[${fn}(resourceId('Microsoft.ContainerService/managedClusters', parameters('clusterName')), '2020-11-01').kubeconfigs[0].value]` });
    app.synth();
    const tf = JSON.parse(fs.readFileSync(`${app.outdir}/stacks/aks-hub/cdk.tf.json`, 'utf8'));
    expect(templateBody(tf).outputs[output]).toEqual(cluster.armTemplate.outputs[output]);
    expect(JSON.parse(fs.readFileSync(`${app.outdir}/stacks/aks-hub/arm/c/azuredeploy.json`, 'utf8')).outputs[output]).toEqual(cluster.armTemplate.outputs[output]);
  });

  it('gives the providers host, CA, client certificate and key, the secrets marked sensitive', () => {
    const { stack } = newStack();
    const kubeconfig = new HubAksCluster(stack, 'c', minimalProps()).kubeconfig('admin');
    const resolved = Testing.synthScope((scope) => {
      hubKubernetesProvider(scope, 'k', kubeconfig);
      hubHelmProvider(scope, 'h', kubeconfig);
    });
    const tf = JSON.parse(resolved);
    const k8s = tf.provider.kubernetes[0];
    const helm = tf.provider.helm[0].kubernetes;
    for (const p of [k8s, helm]) {
      expect(p.host).toContain('outputs["adminKubeconfig"]');
      expect(p.host).toContain('clusters.0.cluster.server');
      expect(p.client_key).toMatch(/^\$\{sensitive\(base64decode\(/);
      expect(p.client_certificate).toMatch(/^\$\{sensitive\(base64decode\(/);
      expect(p.cluster_ca_certificate).toContain('certificate-authority-data');
    }
    expect(kubeconfig.value).toBeTruthy();
  });
});

describe('aks-hub check on in-cluster resources in Terraform JSON', () => {
  it('finds the storage classes and Service annotations Hub lacks, by resource type', () => {
    const dir = tmpDir('in-cluster');
    const file = path.join(dir, 'workloads.tf.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        resource: {
          kubernetes_storage_class_v1: { zrs: { metadata: { name: 'zrs' }, storage_provisioner: 'disk.csi.azure.com', parameters: { skuname: 'StandardSSD_ZRS' } } },
          kubernetes_service_v1: { web: { metadata: { name: 'web', annotations: { 'service.beta.kubernetes.io/azure-pip-prefix-id': 'x' } }, spec: { type: 'LoadBalancer' } } },
          kubernetes_storage_class: { ok: { metadata: { name: 'ok' }, storage_provisioner: 'kubernetes.io/azure-disk', parameters: { storageaccounttype: 'Standard_LRS', kind: 'Managed' } } },
        },
      }),
    );
    const r = runCli('check', file, '--format', 'json');
    expect(r.code).toBe(1);
    const found = JSON.parse(r.out).findings.map((f: { ruleId: string; location: { address: string } }) => [f.ruleId, f.location.address]);
    expect(found).toEqual([
      ['HUB022', 'kubernetes_storage_class_v1.zrs'],
      ['HUB023', 'kubernetes_service_v1.web'],
    ]);
  });
});
