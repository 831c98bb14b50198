// Windows nodes access, as the Hub docs' Windows `az aks create` example sends it
// (aks-how-to-use-cli.md): --nodepool-name mypool --network-plugin azure
// --windows-admin-username azureuser --windows-admin-password $PASSWORD_WIN, and no VNET flag.
// The CLI keeps the single pool a Linux System pool and adds windowsProfile; so does this example
// (a Windows System pool raises HUB119). The password comes from the sensitive variable the
// construct creates: set TF_VAR_cluster_windows_admin_password when you deploy.
import { App } from 'cdktf';
import { HubAksCluster, HubStack, sshPublicKeyVariable } from '../../lib';

const app = new App();
const stack = new HubStack(app, 'aks-windows', {
  hub: { armEndpoint: 'https://management.local.azurestack.external', location: 'local' },
});
new HubAksCluster(stack, 'cluster', {
  name: 'akswin',
  dnsPrefix: 'akswin',
  servicePrincipal: { clientId: '00000000-0000-0000-0000-000000000000' },
  kubernetesVersion: '1.20.7',
  nodePool: { name: 'mypool', count: 3 },
  linuxProfile: { adminUsername: 'azureuser', sshPublicKey: sshPublicKeyVariable(stack) },
  windowsProfile: { adminUsername: 'azureuser' },
  network: { plugin: 'azure', vnet: 'default' },
});
app.synth();
