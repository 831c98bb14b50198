/**
 * Kubernetes versions the Hub AKS resource provider offers.
 *
 * Source: azure-stack-docs `azure-stack/user/aks-support.md` (17af13a): "the highest Kubernetes
 * version supported is 1.20.7"; the CLI examples in `aks-how-to-use-cli.md` use 1.20.7. Each stamp's
 * operator decides what it offers (new versions arrive with Hub updates and the AKS base image), so
 * a stack can extend or replace this list; `az aks get-versions` on the stamp tells.
 */
export const HUB_KUBERNETES_VERSIONS: readonly string[] = Object.freeze(['1.20.7']);

/** The version a cluster gets when it names none: the highest the Hub docs name. */
export const DEFAULT_KUBERNETES_VERSION = '1.20.7';
