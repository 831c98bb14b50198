import { DefaultTokenResolver, Fn, type IResolvable, StringConcat, TerraformStack, TerraformVariable, Token, Tokenization } from 'cdktf';
import type { HubKubeconfig } from './hub-aks-cluster';
import type { Construct } from 'constructs';
import type { ClusterModel } from '../model/cluster-model';
import { SENSITIVE_ATTRIBUTES } from '../profile/sensitive-attributes';
import { type Finding, HubValidationError, findingOf } from '../rules/finding';
import { suppressHubRule, suppressionProblems } from '../rules/suppressions';
import { folderNameFindings } from './folder-names';
import { INPUT_RULES } from '../rules/input-rules';
import { HubStack } from './hub-stack';

// What HubAksCluster and HubAksEngineCluster both do with their props: names, secrets, claims.

/** `a/b-c` → `a_b_c`: a Terraform-safe name for variables and outputs. */
function terraformName(text: string): string {
  return text.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * Where a secret's value comes from, as Terraform would read it, and why that is not safe; `undefined`
 * when it is a sensitive variable without a default or a sensitive attribute of a resource or data
 * source. Anything else (a local value, a function, a plain attribute) would put the value in
 * cdk.tf.json or the plan output.
 */
function unsafeSecretSource(expression: unknown, variables: ReadonlyMap<string, TerraformVariable>): { source: string; issue: string } | undefined {
  if (typeof expression !== 'string') return { source: 'a value', issue: 'is not a reference to a sensitive value' };
  const ref = /^\$\{([^${}]+)\}$/.exec(expression)?.[1];
  const variable = ref && /^var\.([\w-]+)$/.exec(ref)?.[1];
  if (variable !== undefined && variable !== '' && ref) {
    const v = variables.get(variable);
    if (!v) return undefined;
    if (v.default !== undefined) return { source: `var.${variable}`, issue: 'has a default value, which is written in plain text to cdk.tf.json' };
    if (v.sensitive !== true) return { source: `var.${variable}`, issue: 'is not marked sensitive, so plan output would print it' };
    return undefined;
  }
  const attribute = ref && /^((?:data\.)?[a-z0-9_]+)\.[\w-]+\.([\w]+)$/.exec(ref);
  if (attribute && SENSITIVE_ATTRIBUTES[attribute[1]!]?.includes(attribute[2]!)) return undefined;
  const kind = !ref ? 'text with a value written into it' : ref.startsWith('local.') ? 'a local value' : /^[a-z]\w*\(/.test(ref) ? 'a function' : 'an attribute its provider does not mark sensitive';
  return { source: kind, issue: 'is not a sensitive variable or a sensitive attribute, so the value would be written to cdk.tf.json or printed by plan' };
}

/**
 * A secret given as a token must trace back to a sensitive variable without a default, or to a
 * sensitive attribute of a resource or data source (profile/sensitive-attributes.ts).
 */
export function secretSourceFindings(scope: Construct, secrets: Record<string, string | undefined>): Finding[] {
  // The construct's own variables need no check; only secrets given as props do.
  if (Object.values(secrets).every((s) => s === undefined)) return [];
  const stack = TerraformStack.of(scope);
  const variables = new Map(
    stack.node
      .findAll()
      .filter((c): c is TerraformVariable => c instanceof TerraformVariable)
      .map((v) => [v.friendlyUniqueId, v]),
  );
  return Object.entries(secrets).flatMap(([path, token]) => {
    if (token === undefined) return [];
    const expression = Tokenization.resolve(token, { scope: stack, resolver: new DefaultTokenResolver(new StringConcat()), preparing: false });
    const unsafe = unsafeSecretSource(expression, variables);
    return unsafe
      ? [findingOf(INPUT_RULES.secretVariable, { path, value: unsafe.source, allowed: 'a sensitive variable without a default, or a sensitive attribute', message: `The secret's source ${unsafe.issue}.` }, undefined, { constructPath: scope.node.path })]
      : [];
  });
}

/** The cluster names and owned resource groups of each stack's clusters, with the cluster that has each. */
const claimed = new WeakMap<HubStack, Map<string, string>>();

/**
 * HUB122 when another cluster of the stack has this name or DNS prefix (the API server's DNS label in
 * the region), or owns this resource group; otherwise claims them.
 */
export function claimNames(stack: HubStack, cluster: Construct, model: Pick<ClusterModel, 'name' | 'resourceGroup' | 'dnsPrefix'>): Finding[] {
  const names = claimed.get(stack) ?? new Map<string, string>();
  claimed.set(stack, names);
  const keys: [string, string, string][] = [
    ['name', `name:${model.name.toLowerCase()}`, model.name],
    ['dnsPrefix', `dns:${model.dnsPrefix.toLowerCase()}`, model.dnsPrefix],
  ];
  if (model.resourceGroup.owned) keys.push(['resourceGroupName', `group:${model.resourceGroup.name.toLowerCase()}`, model.resourceGroup.name]);
  const clashes = keys.flatMap(([path, key, value]) => {
    const other = names.get(key);
    return other && !Token.isUnresolved(value)
      ? [findingOf(INPUT_RULES.duplicateName, { path, value, allowed: 'a value no other cluster of the stack has', message: `The cluster ${other} has it too.` })]
      : [];
  });
  if (clashes.length === 0) for (const [, key] of keys) names.set(key, cluster.node.path);
  return clashes;
}

/**
 * The HubStack a cluster construct is in, after the checks every cluster makes before it reads
 * its props: it is inside a HubStack (HUB113), its ids name folders (HUB121), and its
 * suppressions are valid (HUB116), which are then applied. Also the cluster's path below the stack.
 */
export function clusterStack(cluster: Construct, scope: Construct, props: unknown, kind: string): { stack: HubStack; subject: string; relativePath: string; prefix: string } {
  const stack = HubStack.nearest(cluster);
  const subject = `${kind} '${cluster.node.path}'`;
  if (!stack) {
    throw new HubValidationError(subject, [
      findingOf(INPUT_RULES.outsideHubStack, { path: '(scope)', value: scope.node.path, allowed: 'a construct inside a HubStack', message: `${kind} must be created inside a HubStack.` }),
    ]);
  }
  const badIds = folderNameFindings(cluster, stack);
  if (badIds.length > 0) throw new HubValidationError(subject, badIds);
  const suppressions = (props as { suppressions?: unknown } | undefined)?.suppressions;
  if (Array.isArray(suppressions)) {
    const problems = suppressions.flatMap((s, i) => suppressionProblems(s, `suppressions.${i}`));
    if (problems.length > 0) throw new HubValidationError(subject, problems);
    for (const s of suppressions) suppressHubRule(cluster, s.ruleId, s.reason);
  }
  // The cluster's path below its stack: its folder of cdktf.out, and the prefix of its Terraform names.
  const relativePath = cluster.node.path.split('/').slice(stack.node.path.split('/').length).join('/');
  return { stack, subject, relativePath, prefix: terraformName(relativePath) };
}

/** A sensitive variable without a default for a cluster's secret, named `<prefix>_<name>` (set with TF_VAR_<prefix>_<name>). */
export function secretVariable(scope: Construct, prefix: string, name: string, description: string): TerraformVariable {
  const v = new TerraformVariable(scope, name, { type: 'string', sensitive: true, nullable: false, description });
  v.overrideLogicalId(`${prefix}_${name}`);
  return v;
}

/** Literal text inside a Terraform template string: `${` and `%{` would start an expression. */
const terraformLiteral = (text: string): string => text.replace(/\$\{/g, () => '$${').replace(/%\{/g, '%%{');

/**
 * A template deployment's parameters body: JSON whose literal values are written as text, and
 * whose values known only at deploy time (secrets, variables) go in through `jsonencode`, which
 * keeps them Terraform references and escapes whatever they hold. Cheaper for cdktf to resolve
 * than one `jsonencode` of the whole object, which it walks value by value on every resolve.
 */
export function parametersBody(names: readonly string[], values: Readonly<Record<string, unknown>>): string {
  const entries = names.map((name) => {
    const v = values[name];
    const value = Token.isUnresolved(v) ? Fn.jsonencode(v) : terraformLiteral(JSON.stringify(v));
    return `${JSON.stringify(name)}:{"value":${value}}`;
  });
  return `{${entries.join(',')}}`;
}

/**
 * The parts of a kubeconfig the Kubernetes and Helm providers take, from a Terraform value that
 * decodes to it (`yamldecode(...)` or `jsondecode(...)`) and its whole text; secrets marked sensitive.
 */
export function kubeconfigParts(decoded: IResolvable, text: string): HubKubeconfig {
  const at = (...p: (string | number)[]): string => Token.asString(Fn.lookupNested(decoded, p));
  const secret = (value: string): string => Token.asString(Fn.sensitive(value));
  return {
    value: secret(text),
    host: at('clusters', 0, 'cluster', 'server'),
    clusterCaCertificate: Fn.base64decode(at('clusters', 0, 'cluster', 'certificate-authority-data')),
    clientCertificate: secret(Fn.base64decode(at('users', 0, 'user', 'client-certificate-data'))),
    clientKey: secret(Fn.base64decode(at('users', 0, 'user', 'client-key-data'))),
  };
}
