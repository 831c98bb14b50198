// Use the cluster from the same app: ingress-nginx through Helm, an Azure Disk StorageClass and a
// pull secret for a private registry, in a second stack that reads the cluster's kubeconfig.
// Terraform cannot configure a provider from a resource the same apply creates, so the cluster and
// what runs in it are two stacks; `cdktf deploy aks-hub aks-hub-workloads` deploys them in order.
// Deploy with TF_VAR_ssh_public_key, TF_VAR_cluster_client_secret and TF_VAR_registry_password set.
import { Release } from '@cdktf/provider-helm/lib/release';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import { StorageClassV1 } from '@cdktf/provider-kubernetes/lib/storage-class-v1';
import { App, Fn, TerraformVariable } from 'cdktf';
import { HubAksCluster, HubStack, sshPublicKeyVariable } from '../../lib';
import { hubHelmProvider, hubKubernetesProvider } from '../../lib/kubernetes';

const app = new App();
const hub = { armEndpoint: 'https://management.local.azurestack.external', location: 'local' };

const clusterStack = new HubStack(app, 'aks-hub', { hub });
const cluster = new HubAksCluster(clusterStack, 'cluster', {
  name: 'aks-ingress',
  servicePrincipal: { clientId: '00000000-0000-0000-0000-000000000000' },
  kubernetesVersion: '1.20.7',
  linuxProfile: { sshPublicKey: sshPublicKeyVariable(clusterStack) },
  // The credential is printed by terraform show and later plans (HUB124): accepted on purpose.
  suppressions: [{ ruleId: 'HUB124', reason: 'plan output and state are private to the platform team' }],
});
// Asking for it adds the credential output to the template (resource provider guide, "Kubeconfig").
const kubeconfig = cluster.kubeconfig('admin');

// A HubStack too, so that the Hub rules check what goes into the cluster.
const workloads = new HubStack(app, 'aks-hub-workloads', { hub });
hubKubernetesProvider(workloads, 'kubernetes', kubeconfig);
hubHelmProvider(workloads, 'helm', kubeconfig);

// ingress-nginx on the basic load balancer: no Standard-only annotations (HUB023), Linux nodes.
// Chart 4.2.1 is the last line that supports Kubernetes 1.20 (4.3.0 removed it).
const linux = { 'kubernetes.io/os': 'linux' };
const ingress = new NamespaceV1(workloads, 'ingress-namespace', { metadata: { name: 'ingress-nginx' } });
new Release(workloads, 'ingress-nginx', {
  name: 'ingress-nginx',
  namespace: ingress.metadata.name,
  repository: 'https://kubernetes.github.io/ingress-nginx',
  chart: 'ingress-nginx',
  version: '4.2.1',
  values: [
    JSON.stringify({
      controller: {
        replicaCount: 2,
        nodeSelector: linux,
        admissionWebhooks: { patch: { nodeSelector: linux } },
        // Keeps the client address; the basic load balancer probes the node health port.
        service: { externalTrafficPolicy: 'Local' },
      },
      defaultBackend: { nodeSelector: linux },
    }),
  ],
});

// Azure Disk with a SKU the Hub offers (HUB022): Kubernetes 1.20 uses the in-tree provisioner.
new StorageClassV1(workloads, 'managed-standard', {
  metadata: { name: 'managed-standard' },
  storageProvisioner: 'kubernetes.io/azure-disk',
  parameters: { storageaccounttype: 'Standard_LRS', kind: 'Managed' },
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'WaitForFirstConsumer',
  allowVolumeExpansion: true,
});

// A pull secret for a private registry; the password comes from TF_VAR_registry_password.
const registryPassword = new TerraformVariable(workloads, 'registry_password', { type: 'string', sensitive: true, nullable: false, description: 'Password of the private container registry.' });
const registry = 'registry.example.com';
new SecretV1(workloads, 'registry-credentials', {
  metadata: { name: 'registry-credentials', namespace: 'default' },
  type: 'kubernetes.io/dockerconfigjson',
  data: {
    '.dockerconfigjson': Fn.jsonencode({
      auths: { [registry]: { username: 'puller', password: registryPassword.stringValue, auth: Fn.base64encode(Fn.join(':', ['puller', registryPassword.stringValue])) } },
    }),
  },
});

app.synth();
