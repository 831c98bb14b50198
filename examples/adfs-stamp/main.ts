// A disconnected stamp that authenticates with AD FS. The provider uses the tenant 'adfs';
// the service principal is an AD FS application (aks-overview.md: "Service principals come from
// Microsoft Entra ID or AD FS"). Mirrors the Linux `az aks create` example of the Hub docs
// (aks-how-to-use-cli.md), on a stamp with its own region name and domain.
import { App } from 'cdktf';
import { HubAksCluster, HubStack } from '../../lib';

const app = new App();
const stack = new HubStack(app, 'aks-adfs', {
  hub: {
    armEndpoint: 'https://management.region1.contoso.local',
    location: 'region1',
    identitySystem: 'adfs',
  },
});
new HubAksCluster(stack, 'cluster', {
  name: 'myakscluster',
  dnsPrefix: 'myakscluster',
  resourceGroupName: 'myResourceGroup',
  servicePrincipal: { clientId: '00000000-0000-0000-0000-000000000000' },
  nodePool: { name: 'mynodepool', count: 3 },
  linuxProfile: { adminUsername: 'azureuser', sshPublicKey: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC1NvY7ReCN8N4rRKPpPx5HiVvTLORgBmL5Q7guAwE826siB2IylC60xlp+88YxheObUBO8HSSpwegGugPb4ZlqXMDuXwcWF1J2S3R170i+DNnnBiT0nzwS/rKnq1VqWNZDFVrwNEF5JNzqDY3/kOzCzKuvrx07fkS/NuQ7sJ4oiAQSwCd4zNQ6iZKtP862NYMBzE86AU4RZnU2NuHjFLUjvNARL9amfRTTA9P6zYjymKJBikbk4/8MHxYGeE2qdAVVeeUlGnLvyOdjao8oq9WzjQBr85NtFdjVDhGlGBDyCjhgfviLIl6IM8NDOR40ZL7q18DPRi2O5UR/YCAvO0Lb azureuser@example' },
});
app.synth();
