import { DISK_SKU_PARAMETERS, HUB_DISK_SKUS, STANDARD_LB_ANNOTATIONS } from '../../profile/in-cluster';
import { isConcrete } from '../checks';
import { type RawProps, type RuleChecks, type RuleHit, valueAt } from '../rule';
import { isObject } from '../../model/cluster-model';

/** A disk SKU of a StorageClass's parameters that Hub lacks, at `prefix` (`parameters`, `manifest.parameters`). */
function diskSkus(parameters: unknown, prefix: string): RuleHit[] {
  if (!isObject(parameters)) return [];
  return DISK_SKU_PARAMETERS.flatMap((key) => {
    const v = parameters[key];
    return typeof v === 'string' && isConcrete(v) && !HUB_DISK_SKUS.some((s) => s.toLowerCase() === v.toLowerCase())
      ? [{ path: `${prefix}.${key}`, value: v, allowed: HUB_DISK_SKUS.map((s) => `'${s}'`).join(' or '), message: 'Azure Stack Hub has no such disk: no zone-redundant or Ultra disks.' }]
      : [];
  });
}

/** Standard-load-balancer annotations among `annotations`, at `prefix`. */
function standardAnnotations(annotations: unknown, prefix: string): RuleHit[] {
  if (!isObject(annotations)) return [];
  return Object.keys(annotations)
    .filter((k) => STANDARD_LB_ANNOTATIONS.includes(k))
    .map((k) => ({ path: `${prefix}.${k}`, value: annotations[k], allowed: 'annotations that work with the basic load balancer', message: 'This annotation needs the Standard load balancer, which Hub AKS does not have.' }));
}

/** Standard-load-balancer annotations a Helm release sets, in `set` entries or in its values text. */
function helmAnnotations(a: RawProps): RuleHit[] {
  const sets = Array.isArray(a.set) ? a.set : a.set === undefined ? [] : [a.set];
  const fromSet = sets.flatMap((s, i) => {
    const name = isObject(s) && typeof s.name === 'string' ? s.name.replace(/\\\./g, '.') : '';
    return STANDARD_LB_ANNOTATIONS.filter((k) => name.endsWith(k)).map((k) => ({ path: `set.${i}.name`, value: name, allowed: 'annotations that work with the basic load balancer', message: `${k} needs the Standard load balancer, which Hub AKS does not have.` }));
  });
  const values = Array.isArray(a.values) ? a.values : [];
  const fromValues = values.flatMap((v, i) =>
    typeof v === 'string' ? STANDARD_LB_ANNOTATIONS.filter((k) => v.includes(k)).map((k) => ({ path: `values.${i}`, value: k, allowed: 'annotations that work with the basic load balancer', message: `${k} needs the Standard load balancer, which Hub AKS does not have.` })) : [],
  );
  return [...fromSet, ...fromValues];
}

/** A raw manifest's kind, for kubernetes_manifest. */
const kindOf = (a: RawProps): unknown => valueAt(a, 'manifest.kind');

export const IN_CLUSTER_RULES: readonly RuleChecks[] = [
  {
    id: 'HUB022',
    resources: {
      kubernetes_storage_class: (a) => diskSkus(a.parameters, 'parameters'),
      kubernetes_storage_class_v1: (a) => diskSkus(a.parameters, 'parameters'),
      kubernetes_manifest: (a) => (kindOf(a) === 'StorageClass' ? diskSkus(valueAt(a, 'manifest.parameters'), 'manifest.parameters') : []),
    },
  },
  {
    id: 'HUB023',
    resources: {
      kubernetes_service: (a) => standardAnnotations(valueAt(a, 'metadata.annotations'), 'metadata.annotations'),
      kubernetes_service_v1: (a) => standardAnnotations(valueAt(a, 'metadata.annotations'), 'metadata.annotations'),
      kubernetes_manifest: (a) => (kindOf(a) === 'Service' ? standardAnnotations(valueAt(a, 'manifest.metadata.annotations'), 'manifest.metadata.annotations') : []),
      helm_release: helmAnnotations,
    },
  },
];
