// A Kubernetes cluster on a stamp without the AKS resource provider (release 2311 on), through
// aks-engine-azurestack: three control-plane VMs and one Linux pool, on an AD FS stamp.
// `cdktf synth` writes cdktf.out/stacks/aks-engine/aks-engine/cluster/apimodel.json and a README.md
// with the deploy command. Deploy with TF_VAR_ssh_public_key="$(cat ~/.ssh/id_rsa.pub)".
import { App } from 'cdktf';
import { HubAksEngineCluster, HubStack, sshPublicKeyVariable } from '../../lib';

const app = new App();
const stack = new HubStack(app, 'aks-engine', {
  hub: { armEndpoint: 'https://management.local.azurestack.external', location: 'local', identitySystem: 'adfs' },
});
new HubAksEngineCluster(stack, 'cluster', {
  name: 'engine-cluster',
  servicePrincipal: { clientId: '00000000-0000-0000-0000-000000000000' },
  controlPlane: { count: 3 },
  agentPools: [{ name: 'linuxpool', count: 3 }],
  linuxProfile: { sshPublicKey: sshPublicKeyVariable(stack) },
});
app.synth();
