// A Windows cluster: one Windows node pool (Hub clusters have a single pool), Azure CNI.
// Mirrors the Windows `az aks create` example of the Hub docs (aks-how-to-use-cli.md):
// --nodepool-name mypool --network-plugin azure --windows-admin-username azureuser
// --windows-admin-password $PASSWORD_WIN. The password comes from the sensitive variable the
// construct creates: set TF_VAR_cluster_windows_admin_password when you deploy.
import { App } from 'cdktf';
import { HubAksCluster, HubStack } from '../../lib';

const app = new App();
const stack = new HubStack(app, 'aks-windows', {
  hub: { armEndpoint: 'https://management.local.azurestack.external', location: 'local' },
});
new HubAksCluster(stack, 'cluster', {
  name: 'akswin',
  dnsPrefix: 'akswin',
  servicePrincipal: { clientId: '00000000-0000-0000-0000-000000000000' },
  // Windows pool names have at most 6 characters.
  nodePool: { name: 'mypool', osType: 'Windows', count: 3 },
  windowsProfile: { adminUsername: 'azureuser' },
  network: { plugin: 'azure' },
});
app.synth();
