// Two clusters in one subscription. The Hub allows 50 AKS nodes per subscription, counted over
// every cluster of the app that targets it (HUB020): 20 + 20 fits; 30 + 30 would fail synth.
// No Hub doc example has two clusters.
import { App } from 'cdktf';
import { HubAksCluster, HubStack } from '../../lib';

const app = new App();
const stack = new HubStack(app, 'aks-two-clusters', {
  hub: {
    armEndpoint: 'https://management.local.azurestack.external',
    location: 'local',
    subscriptionId: '22222222-2222-2222-2222-222222222222',
  },
});
const common = {
  servicePrincipal: { clientId: '00000000-0000-0000-0000-000000000000' },
  linuxProfile: { sshPublicKey: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC1NvY7ReCN8N4rRKPpPx5HiVvTLORgBmL5Q7guAwE826siB2IylC60xlp+88YxheObUBO8HSSpwegGugPb4ZlqXMDuXwcWF1J2S3R170i+DNnnBiT0nzwS/rKnq1VqWNZDFVrwNEF5JNzqDY3/kOzCzKuvrx07fkS/NuQ7sJ4oiAQSwCd4zNQ6iZKtP862NYMBzE86AU4RZnU2NuHjFLUjvNARL9amfRTTA9P6zYjymKJBikbk4/8MHxYGeE2qdAVVeeUlGnLvyOdjao8oq9WzjQBr85NtFdjVDhGlGBDyCjhgfviLIl6IM8NDOR40ZL7q18DPRi2O5UR/YCAvO0Lb azureuser@example' },
};
new HubAksCluster(stack, 'blue', {
  ...common,
  name: 'aks-blue',
  nodePool: { count: 20 },
  network: { vnet: { addressSpace: ['10.240.0.0/16'], subnetPrefix: '10.240.0.0/20' } },
});
new HubAksCluster(stack, 'green', {
  ...common,
  name: 'aks-green',
  nodePool: { count: 20 },
  network: { vnet: { addressSpace: ['10.241.0.0/16'], subnetPrefix: '10.241.0.0/20' } },
});
app.synth();
