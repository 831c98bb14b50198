// kubenet networking: nodes get subnet addresses, pods get addresses from a separate pod range.
// No Hub doc example uses kubenet (they pass --network-plugin azure); the 2020-11-01 API supports it
// and it needs far fewer subnet addresses than Azure CNI.
import { App } from 'cdktf';
import { HubAksCluster, HubStack } from '../../lib';

const app = new App();
const stack = new HubStack(app, 'aks-kubenet', {
  hub: { armEndpoint: 'https://management.local.azurestack.external', location: 'local' },
});
new HubAksCluster(stack, 'cluster', {
  name: 'aks-kubenet',
  servicePrincipal: { clientId: '00000000-0000-0000-0000-000000000000' },
  linuxProfile: { sshPublicKey: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC1NvY7ReCN8N4rRKPpPx5HiVvTLORgBmL5Q7guAwE826siB2IylC60xlp+88YxheObUBO8HSSpwegGugPb4ZlqXMDuXwcWF1J2S3R170i+DNnnBiT0nzwS/rKnq1VqWNZDFVrwNEF5JNzqDY3/kOzCzKuvrx07fkS/NuQ7sJ4oiAQSwCd4zNQ6iZKtP862NYMBzE86AU4RZnU2NuHjFLUjvNARL9amfRTTA9P6zYjymKJBikbk4/8MHxYGeE2qdAVVeeUlGnLvyOdjao8oq9WzjQBr85NtFdjVDhGlGBDyCjhgfviLIl6IM8NDOR40ZL7q18DPRi2O5UR/YCAvO0Lb azureuser@example' },
  nodePool: { count: 5 },
  network: {
    plugin: 'kubenet',
    podCidr: '10.244.0.0/16',
    // kubenet needs an address per node only: a /24 holds the Hub's 50-node maximum.
    vnet: { addressSpace: ['10.250.0.0/16'], subnetPrefix: '10.250.0.0/24' },
  },
  tags: { example: 'kubenet' },
});
app.synth();
