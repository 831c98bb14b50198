// A Kubernetes cluster on a stamp without the AKS resource provider (release 2311 on), through
// aks-engine-azurestack: three control-plane VMs and one Linux pool, on an AD FS stamp.
// `cdktf synth` writes cdktf.out/stacks/aks-engine/aks-engine/cluster/apimodel.json, engine.json
// and a README.md. `cdktf deploy` then runs `aks-hub engine apply`: it deploys the cluster once,
// and scales, upgrades and adds pools when these props change. Deploy with
// TF_VAR_ssh_public_key="$(cat ~/.ssh/id_rsa.pub)", AKS_ENGINE_CLIENT_SECRET and ARM_SUBSCRIPTION_ID
// set; the cluster's state goes to .aks-engine-state/aks-engine/cluster.
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
  deployWithTerraform: true,
});
app.synth();
