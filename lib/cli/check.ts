import * as path from 'node:path';
import { MAX_NODES_PER_SUBSCRIPTION } from '../profile/hub-limits';
import type { StampProfile } from '../profile/stamp';
import { findRule } from '../rules/registry';
import { type RuleFinding, checkArmTemplate, checkTemplateBody, checkTerraformResource } from '../rules/raw-checks';
import { type RawProps, valueAt } from '../rules/rule';
import { MASKED, type Severity, showValue } from '../rules/violation';
import type { InputDocument } from './inputs';

/** A finding of `aks-hub check`. */
export interface CheckFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly title: string;
  readonly file: string;
  /** Resource address (`azurerm_kubernetes_cluster.aks`) or template path. */
  readonly address: string;
  /** Attribute path inside the resource, or `(resource)`. */
  readonly path: string;
  readonly message: string;
  readonly value: string;
  readonly allowed: string;
  readonly fix: string;
}

interface RawResource {
  readonly address: string;
  readonly type: string;
  readonly attributes: RawProps;
  /** Construct path from cdktf metadata, for suppressions. */
  readonly constructPath?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Resources, data sources and providers of a Terraform JSON document. */
function terraformResources(json: Record<string, unknown>): RawResource[] {
  const out: RawResource[] = [];
  for (const [block, prefix] of [['resource', ''], ['data', 'data.']] as const) {
    const byType = json[block];
    if (!isObject(byType)) continue;
    for (const [type, byName] of Object.entries(byType)) {
      if (!isObject(byName)) continue;
      for (const [name, attrs] of Object.entries(byName)) {
        const list = Array.isArray(attrs) ? attrs : [attrs];
        for (const a of list) {
          if (!isObject(a)) continue;
          const meta = valueAt(a, '//.metadata.path');
          out.push({ address: `${prefix}${type}.${name}`, type, attributes: a, ...(typeof meta === 'string' && { constructPath: meta }) });
        }
      }
    }
  }
  if (isObject(json.provider)) {
    for (const [name, config] of Object.entries(json.provider)) {
      const first = Array.isArray(config) ? config[0] : config;
      out.push({ address: `provider.${name}`, type: name, attributes: isObject(first) ? first : {} });
    }
  }
  return out;
}

/** Resources of `terraform show -json` output (plan or state), and the providers a plan configures. */
function planResources(json: Record<string, unknown>): RawResource[] {
  const out: RawResource[] = [];
  const walk = (module: unknown) => {
    if (!isObject(module)) return;
    for (const r of Array.isArray(module.resources) ? module.resources : []) {
      if (isObject(r) && typeof r.type === 'string' && isObject(r.values)) {
        out.push({ address: typeof r.address === 'string' ? r.address : r.type, type: r.type, attributes: r.values });
      }
    }
    for (const child of Array.isArray(module.child_modules) ? module.child_modules : []) walk(child);
  };
  walk(valueAt(json, 'planned_values.root_module') ?? valueAt(json, 'values.root_module'));
  const providers = valueAt(json, 'configuration.provider_config');
  if (isObject(providers)) {
    for (const [key, p] of Object.entries(providers)) {
      const name = isObject(p) && typeof p.name === 'string' ? p.name : key;
      out.push({ address: `provider.${key}`, type: name, attributes: {} });
    }
  }
  return out;
}

/** Suppressions cdktf-aks-hub recorded in a synthesized cdk.tf.json. */
function recordedSuppressions(json: Record<string, unknown>): { path: string; ruleId: string }[] {
  const list = valueAt(json, '//.cdktf-aks-hub.suppressions');
  return Array.isArray(list) ? list.filter((s): s is { path: string; ruleId: string } => isObject(s) && typeof s.path === 'string' && typeof s.ruleId === 'string') : [];
}

function toFinding(file: string, address: string, f: RuleFinding): CheckFinding {
  return {
    ruleId: f.rule.id,
    severity: f.rule.severity,
    title: f.rule.title,
    file,
    address,
    path: f.path,
    message: f.message,
    value: f.secret ? MASKED : showValue(f.value),
    allowed: f.allowed,
    fix: f.fix ?? f.rule.fix,
  };
}

/** A synthesized stack's ARM files sit at `<stack dir>/arm/<cluster path>/azuredeploy.json`. */
const ARM_FILE = /^(.*)[\\/]arm[\\/](.+)[\\/]azuredeploy\.json$/;

/** Whether a suppressible rule is suppressed for the construct at `constructPath`. */
function isSuppressed(ruleId: string, constructPath: string | undefined, suppressions: readonly { path: string; ruleId: string }[]): boolean {
  return (
    constructPath !== undefined &&
    findRule(ruleId)?.suppressible === true &&
    suppressions.some((s) => s.ruleId === ruleId && (constructPath === s.path || constructPath.startsWith(`${s.path}/`)))
  );
}

/** Runs every Hub rule over the documents, plus the 50-nodes-per-subscription sum over them all. */
export function checkDocuments(docs: readonly InputDocument[], stamp: StampProfile): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const nodeCounts: { where: string; count: number }[] = [];
  // Suppressions recorded in each cdk.tf.json also cover the ARM files written beside it.
  const suppressionsByStackDir = new Map(
    docs.filter((d) => d.kind === 'terraform').map((d) => [path.dirname(path.resolve(d.file)), recordedSuppressions(d.json)]),
  );
  for (const doc of docs) {
    if (doc.kind === 'arm') {
      const m = ARM_FILE.exec(path.resolve(doc.file));
      const suppressions = (m && suppressionsByStackDir.get(m[1]!)) || [];
      const constructPath = m ? `${path.basename(m[1]!)}/${m[2]!.split(path.sep).join('/')}` : undefined;
      for (const f of checkArmTemplate(doc.json, stamp)) if (!isSuppressed(f.rule.id, constructPath, suppressions)) findings.push(toFinding(doc.file, 'template', f));
      continue;
    }
    if (doc.kind !== 'terraform' && doc.kind !== 'plan') continue;
    const suppressions = doc.kind === 'terraform' ? recordedSuppressions(doc.json) : [];
    const resources = doc.kind === 'terraform' ? terraformResources(doc.json) : planResources(doc.json);
    for (const r of resources) {
      const suppressed = (id: string) => isSuppressed(id, r.constructPath, suppressions);
      const found = checkTerraformResource(r.type, r.attributes, stamp);
      if (r.type === 'azurestack_template_deployment') found.push(...checkTemplateBody(r.attributes.template_body, stamp));
      for (const f of found) if (!suppressed(f.rule.id)) findings.push(toFinding(doc.file, r.address, f));
      const count = r.type === 'azurerm_kubernetes_cluster' ? valueAt(r.attributes, 'default_node_pool.node_count') : undefined;
      if (typeof count === 'number') nodeCounts.push({ where: `${doc.file}: ${r.address}`, count });
    }
  }
  const total = nodeCounts.reduce((s, c) => s + c.count, 0);
  const rule = findRule('HUB020');
  if (rule && nodeCounts.length > 1 && total > MAX_NODES_PER_SUBSCRIPTION) {
    findings.push({
      ruleId: rule.id,
      severity: rule.severity,
      title: rule.title,
      file: docs.map((d) => d.file).join(', '),
      address: '(all clusters)',
      path: 'default_node_pool.node_count',
      message: `The clusters add up to ${total} nodes (${nodeCounts.map((c) => `${c.where}: ${c.count}`).join(', ')}); one subscription allows 50.`,
      value: String(total),
      allowed: `at most ${MAX_NODES_PER_SUBSCRIPTION}`,
      fix: rule.fix,
    });
  }
  return findings;
}
