// One AKS cluster on a stamp before release 2311 whose AKS resource provider is registered.
// Reproduces the Linux `az aks create` example of the Hub docs (aks-how-to-use-cli.md), field for
// field: kubenet and the resource provider's default VNET, as the CLI sends them.
// Deploy with TF_VAR_ssh_public_key="$(cat ~/.ssh/id_rsa.pub)" and TF_VAR_cluster_client_secret set.
import { App } from 'cdktf';
import { HubAksCluster, HubStack, sshPublicKeyVariable } from '../../lib';

const app = new App();
const stack = new HubStack(app, 'aks-hub', {
  hub: { armEndpoint: 'https://management.local.azurestack.external', location: 'local' },
});
new HubAksCluster(stack, 'cluster', {
  name: 'myakscluster',
  servicePrincipal: { clientId: '00000000-0000-0000-0000-000000000000' },
  kubernetesVersion: '1.20.7',
  nodePool: { name: 'mynodepool', count: 3 },
  network: { plugin: 'kubenet', vnet: 'default' },
  linuxProfile: { adminUsername: 'azureuser', sshPublicKey: sshPublicKeyVariable(stack) },
});
app.synth();
