// Bring your own VNET: the nodes go into an existing subnet; the library creates no network.
// Mirrors the "Custom VNET" `az aks create` example of the Hub docs (aks-how-to-use-cli.md):
// --network-plugin azure --vnet-subnet-id ... --skip-subnet-role-assignment
// --docker-bridge-address 172.17.0.1/16 --dns-service-ip 10.0.0.10, and no --kubernetes-version
// (the library sends its default, 1.20.7, where the CLI leaves it to the resource provider).
// As with --skip-subnet-role-assignment, no role is granted: the subnet's owner grants the service
// principal Network Contributor on the subnet once (README, "Bring your own subnet").
import { App } from 'cdktf';
import { HubAksCluster, HubStack } from '../../lib';

const app = new App();
const stack = new HubStack(app, 'aks-existing-subnet', {
  hub: { armEndpoint: 'https://management.local.azurestack.external', location: 'local' },
});
new HubAksCluster(stack, 'cluster', {
  name: 'aksvnet',
  dnsPrefix: 'aksvnet',
  servicePrincipal: { clientId: '00000000-0000-0000-0000-000000000000' },
  nodePool: { name: 'mynodepool', count: 3 },
  linuxProfile: { adminUsername: 'azureuser', sshPublicKey: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC1NvY7ReCN8N4rRKPpPx5HiVvTLORgBmL5Q7guAwE826siB2IylC60xlp+88YxheObUBO8HSSpwegGugPb4ZlqXMDuXwcWF1J2S3R170i+DNnnBiT0nzwS/rKnq1VqWNZDFVrwNEF5JNzqDY3/kOzCzKuvrx07fkS/NuQ7sJ4oiAQSwCd4zNQ6iZKtP862NYMBzE86AU4RZnU2NuHjFLUjvNARL9amfRTTA9P6zYjymKJBikbk4/8MHxYGeE2qdAVVeeUlGnLvyOdjao8oq9WzjQBr85NtFdjVDhGlGBDyCjhgfviLIl6IM8NDOR40ZL7q18DPRi2O5UR/YCAvO0Lb azureuser@example' },
  network: {
    plugin: 'azure',
    vnet: {
      subnetId:
        '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myTest-rg/providers/Microsoft.Network/virtualNetworks/myAKSVnet/subnets/myAKSSubnet',
    },
    dockerBridgeCidr: '172.17.0.1/16',
    dnsServiceIp: '10.0.0.10',
  },
});
app.synth();
