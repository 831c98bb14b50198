import { Testing } from 'cdktf';
import { HubAksCluster, HubStack } from '../../lib';
import { readTerraformValue } from '../../lib/import/terraform-expression';
import { HUB, SSH_KEY, minimalProps } from '../helpers';
import { merge } from './rule-harness';

/**
 * Terraform plans of one app before and after a change of props, built as Terraform would: two
 * real synths, their attributes evaluated the way Terraform evaluates them (variables from
 * TF_VAR_ values, references to other resources, jsonencode), the template deployment's JSON
 * bodies normalized as the provider's StateFunc does, and each resource's actions decided from
 * the provider's ForceNew attributes (lifecycle-facts §4, §5).
 */

/** The values a user sets at deploy time, as TF_VAR_<name>. */
export const VARIABLES: Readonly<Record<string, string>> = { cluster_client_secret: 'plaintext-secret-from-tfvars', ssh_public_key: SSH_KEY };

/** Versions a stamp might offer beyond the docs' one, so that both sides of an upgrade build. */
const MORE_VERSIONS = ['1.18.19', '1.19.11', '1.21.2', '1.22.6'];

/** Attributes whose change replaces the resource (azurestack provider schemas, ForceNew). */
const FORCE_NEW: Readonly<Record<string, readonly string[]>> = {
  azurestack_template_deployment: ['name', 'resource_group_name'],
  azurestack_resource_group: ['name', 'location'],
};

interface Resource {
  readonly type: string;
  readonly name: string;
  readonly values: Record<string, unknown>;
  /** Attributes derived from a sensitive variable. */
  readonly sensitive: Record<string, true>;
}

/** The cdk.tf.json of the quickstart app with `patch` merged over its props, or with no cluster. */
function synthesize(patch: Readonly<Record<string, unknown>> | null): Record<string, any> {
  const stack = new HubStack(Testing.app(), 'aks-hub', { hub: { ...HUB, kubernetesVersions: { add: MORE_VERSIONS } } });
  if (patch) new HubAksCluster(stack, 'cluster', merge(minimalProps(), patch) as never);
  return JSON.parse(Testing.synth(stack, true));
}

/** JSON as the provider's normalizeJson StateFunc stores it: compact, keys sorted. */
function normalizeJson(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(sort(value));
}

/** Evaluates every resource of a cdk.tf.json as Terraform would, in declaration order. */
function evaluate(tf: Record<string, any>): Map<string, Resource> {
  const sensitiveVars = new Set(Object.entries(tf.variable ?? {}).filter(([, v]) => (v as { sensitive?: boolean }).sensitive).map(([k]) => k));
  const out = new Map<string, Resource>();
  // A reference as a JSON literal: `var.x` or `<type>.<name>.<attribute>`.
  const literal = (ref: string, taint: (s: boolean) => void): string => {
    const v = /^var\.([\w-]+)$/.exec(ref);
    if (v) {
      taint(sensitiveVars.has(v[1]!));
      return JSON.stringify(VARIABLES[v[1]!]);
    }
    const [type, name, attr] = ref.split('.');
    return JSON.stringify(out.get(`${type}.${name}`)?.values[attr!]);
  };
  for (const [type, byName] of Object.entries(tf.resource ?? {})) {
    for (const [name, attrs] of Object.entries(byName as Record<string, Record<string, unknown>>)) {
      const values: Record<string, unknown> = {};
      const sensitive: Record<string, true> = {};
      for (const [key, raw] of Object.entries(attrs)) {
        if (['//', 'depends_on', 'lifecycle', 'provider'].includes(key)) continue;
        let tainted = false;
        const taint = (s: boolean) => (tainted ||= s);
        let value: unknown = raw;
        if (typeof raw === 'string' && raw.startsWith('${jsonencode(')) {
          const text = raw.replace(/\bvar\.[\w-]+|\b[a-z]+_[\w]+\.[\w-]+\.[\w]+/g, (ref) => literal(ref, taint));
          value = normalizeJson(readTerraformValue(text));
        } else if (typeof raw === 'string' && raw.startsWith('{') && raw.includes('${jsonencode(')) {
          // JSON as a template string: each ${jsonencode(ref)} becomes the value's JSON text, and
          // the escapes $${ and %%{ the literal text.
          const text = raw.replace(/\$\{jsonencode\(([^()]+)\)\}/g, (_, ref: string) => literal(ref, taint)).replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
          value = normalizeJson(JSON.parse(text));
        } else if (typeof raw === 'string' && /^\$\{[^}]+\}$/.test(raw)) {
          value = JSON.parse(literal(raw.slice(2, -1), taint));
        } else if (key === 'template_body' && typeof raw === 'string') {
          value = normalizeJson(JSON.parse(raw));
        }
        values[key] = value;
        if (tainted) sensitive[key] = true;
      }
      out.set(`${type}.${name}`, { type, name, values, sensitive });
    }
  }
  return out;
}

/** The actions Terraform plans for a resource from its state before and its configuration after. */
function actionsOf(before: Resource | undefined, after: Resource | undefined): string[] {
  if (!before) return ['create'];
  if (!after) return ['delete'];
  if ((FORCE_NEW[after.type] ?? []).some((k) => JSON.stringify(before.values[k]) !== JSON.stringify(after.values[k]))) return ['delete', 'create'];
  return JSON.stringify(before.values) === JSON.stringify(after.values) ? ['no-op'] : ['update'];
}

/** `terraform show -json` of the plan that takes the app from `before` props to `after` props (`null`: no cluster). */
export function planOf(before: Readonly<Record<string, unknown>> | null, after: Readonly<Record<string, unknown>> | null): Record<string, unknown> {
  const [tfBefore, tfAfter] = [synthesize(before), synthesize(after)];
  const [was, will] = [evaluate(tfBefore), evaluate(tfAfter)];
  const addresses = [...new Set([...was.keys(), ...will.keys()])];
  const resourceChanges = addresses.map((address) => {
    const [b, a] = [was.get(address), will.get(address)];
    const r = (a ?? b)!;
    const actions = actionsOf(b, a);
    return {
      address,
      mode: 'managed',
      type: r.type,
      name: r.name,
      provider_name: 'registry.terraform.io/hashicorp/azurestack',
      change: {
        actions,
        before: b ? b.values : null,
        after: a ? a.values : null,
        after_unknown: actions.includes('create') ? { id: true } : {},
        before_sensitive: b ? b.sensitive : false,
        after_sensitive: a ? a.sensitive : false,
      },
      ...(actions.length === 2 && { action_reason: 'replace_because_cannot_update' }),
    };
  });
  return {
    format_version: '1.2',
    terraform_version: '1.9.8',
    variables: Object.fromEntries(Object.entries(VARIABLES).map(([k, value]) => [k, { value }])),
    planned_values: {
      root_module: { resources: [...will.entries()].map(([address, r]) => ({ address, mode: 'managed', type: r.type, name: r.name, values: r.values, sensitive_values: r.sensitive })) },
    },
    resource_changes: resourceChanges,
    configuration: { provider_config: { azurestack: { name: 'azurestack', expressions: { metadata_host: { constant_value: tfAfter.provider.azurestack[0].metadata_host } } } } },
    applyable: true,
    complete: true,
    errored: false,
  };
}
