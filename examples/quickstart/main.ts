// Quickstart: one AKS cluster on an Azure Stack Hub stamp, with every Hub default.
// Mirrors the Linux `az aks create` example of the Hub docs (aks-how-to-use-cli.md).
// Deploy with TF_VAR_ssh_public_key="$(cat ~/.ssh/id_rsa.pub)" and TF_VAR_cluster_client_secret set.
import { App } from 'cdktf';
import { HubAksCluster, HubStack, sshPublicKeyVariable } from '../../lib';

const app = new App();
const stack = new HubStack(app, 'aks-hub', {
  hub: { armEndpoint: 'https://management.local.azurestack.external', location: 'local' },
});
new HubAksCluster(stack, 'cluster', {
  name: 'demo-aks',
  servicePrincipal: { clientId: '00000000-0000-0000-0000-000000000000' },
  linuxProfile: { sshPublicKey: sshPublicKeyVariable(stack) },
});
app.synth();
