/**
 * The Kubernetes and Helm providers, configured from a HubAksCluster's kubeconfig. A separate entry
 * point (`cdktf-aks-hub/kubernetes`), so that only apps that use it load the optional
 * `@cdktf/provider-kubernetes` and `@cdktf/provider-helm`; both are deep imports.
 */
import { HelmProvider, type HelmProviderConfig } from '@cdktf/provider-helm/lib/provider';
import { KubernetesProvider, type KubernetesProviderConfig } from '@cdktf/provider-kubernetes/lib/provider';
import type { Construct } from 'constructs';
import type { HubKubeconfig } from '../constructs/hub-aks-cluster';

export type { HubKubeconfig } from '../constructs/hub-aks-cluster';

/** The connection the providers take from a kubeconfig: host, client certificate and key, CA. */
function connection(kubeconfig: HubKubeconfig) {
  return {
    host: kubeconfig.host,
    clientCertificate: kubeconfig.clientCertificate,
    clientKey: kubeconfig.clientKey,
    clusterCaCertificate: kubeconfig.clusterCaCertificate,
  };
}

/**
 * A `kubernetes` provider for the cluster. Configure it in a stack other than the cluster's (README,
 * "Kubeconfig"): Terraform cannot configure a provider from a resource the same apply creates.
 * @param config more provider settings, such as an alias
 */
export function hubKubernetesProvider(scope: Construct, id: string, kubeconfig: HubKubeconfig, config: Omit<KubernetesProviderConfig, 'host' | 'clientCertificate' | 'clientKey' | 'clusterCaCertificate'> = {}): KubernetesProvider {
  return new KubernetesProvider(scope, id, { ...config, ...connection(kubeconfig) });
}

/**
 * A `helm` provider (3.x) for the cluster, in a stack other than the cluster's, as for
 * `hubKubernetesProvider`.
 * @param config more provider settings, such as an alias
 */
export function hubHelmProvider(scope: Construct, id: string, kubeconfig: HubKubeconfig, config: Omit<HelmProviderConfig, 'kubernetes'> = {}): HelmProvider {
  return new HelmProvider(scope, id, { ...config, kubernetes: connection(kubeconfig) });
}
