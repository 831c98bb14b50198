// Use an AKS engine cluster (stamps of release 2311 on) from the same app: the Azure Disk CSI
// driver, a StorageClass on it, and ingress-nginx, through Helm and Kubernetes providers that read
// the kubeconfig aks-engine-azurestack wrote to the cluster's state folder. Kubernetes 1.33 has no
// in-tree azure-disk provisioner, and aks-engine enables no CSI driver on Azure Stack Hub, so the
// driver is installed here. `cdktf deploy aks-engine aks-engine-workloads` deploys the two stacks in
// order. Deploy with TF_VAR_ssh_public_key, AKS_ENGINE_CLIENT_SECRET and ARM_SUBSCRIPTION_ID set.
import { Release } from '@cdktf/provider-helm/lib/release';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { StorageClassV1 } from '@cdktf/provider-kubernetes/lib/storage-class-v1';
import { App } from 'cdktf';
import { HubAksEngineCluster, HubStack, sshPublicKeyVariable } from '../../lib';
import { hubHelmProvider, hubKubernetesProvider } from '../../lib/kubernetes';

const app = new App();
const hub = { armEndpoint: 'https://management.local.azurestack.external', location: 'local' };

const clusterStack = new HubStack(app, 'aks-engine', { hub });
const cluster = new HubAksEngineCluster(clusterStack, 'cluster', {
  name: 'engine-apps',
  servicePrincipal: { clientId: '00000000-0000-0000-0000-000000000000' },
  kubernetesVersion: '1.33.10',
  agentPools: [{ name: 'linuxpool', count: 3 }],
  linuxProfile: { sshPublicKey: sshPublicKeyVariable(clusterStack) },
  deployWithTerraform: true,
});

// A HubStack too, so that the Hub rules check what goes into the cluster. Reading the kubeconfig
// makes this stack depend on the cluster's.
const workloads = new HubStack(app, 'aks-engine-workloads', { hub });
const kubeconfig = cluster.kubeconfig(workloads);
hubKubernetesProvider(workloads, 'kubernetes', kubeconfig);
hubHelmProvider(workloads, 'helm', kubeconfig);

// Azure Disk CSI driver v1.33.5, the version aks-engine-azurestack's docs map to Kubernetes 1.33,
// with the values they give for Azure Stack Hub (docs/topics/azure-stack.md, "Install Azure Disk
// CSI driver manually"). Driver v1.30+ lines other than the mapped ones are not supported there.
new Release(workloads, 'azuredisk-csi-driver', {
  name: 'azuredisk-csi-driver',
  namespace: 'kube-system',
  repository: 'https://raw.githubusercontent.com/kubernetes-sigs/azuredisk-csi-driver/master/charts',
  chart: 'azuredisk-csi-driver',
  version: 'v1.33.5',
  values: [
    JSON.stringify({
      cloud: 'AzureStackCloud',
      controller: { runOnMaster: true },
      node: { supportZone: false },
      linux: { getNodeInfoFromLabels: true },
      windows: { getNodeInfoFromLabels: true },
    }),
  ],
});

// Disks with a SKU the Hub offers (HUB022), through the CSI driver.
new StorageClassV1(workloads, 'managed-csi', {
  metadata: { name: 'managed-csi', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
  storageProvisioner: 'disk.csi.azure.com',
  parameters: { skuname: 'Standard_LRS' },
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'WaitForFirstConsumer',
  allowVolumeExpansion: true,
});

// ingress-nginx on the basic load balancer: no Standard-only annotations (HUB023), Linux nodes.
// Chart 4.14.1 (controller v1.14.1) supports Kubernetes 1.30 to 1.34: this cluster and its next upgrade.
const linux = { 'kubernetes.io/os': 'linux' };
const ingress = new NamespaceV1(workloads, 'ingress-namespace', { metadata: { name: 'ingress-nginx' } });
new Release(workloads, 'ingress-nginx', {
  name: 'ingress-nginx',
  namespace: ingress.metadata.name,
  repository: 'https://kubernetes.github.io/ingress-nginx',
  chart: 'ingress-nginx',
  version: '4.14.1',
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

app.synth();
