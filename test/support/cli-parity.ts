import * as fs from 'node:fs';
import * as path from 'node:path';

/** The PUT bodies the Azure CLI sends for the Hub docs' three `az aks create` examples. */
export const CAPTURE_DIR = path.join(__dirname, '..', 'fixtures', 'az-cli-capture');

/** A captured body without the request's api-version, and that api-version. */
export function capture(name: 'linux' | 'windows' | 'custom-vnet'): { apiVersion: string; body: Record<string, unknown> } {
  const { _apiVersion, ...body } = JSON.parse(fs.readFileSync(path.join(CAPTURE_DIR, `${name}.json`), 'utf8'));
  return { apiVersion: _apiVersion, body };
}

/** Fields the CLI leaves to the resource provider with an empty value; the library may send its explicit default. */
export const LEFT_TO_THE_RP: Readonly<Record<string, unknown>> = {
  'properties.kubernetesVersion': '',
  'properties.agentPoolProfiles[].orchestratorVersion': '',
  'properties.agentPoolProfiles[].osDiskSizeGB': 0,
};
/** Secrets: the CLI sends the value, the library a securestring parameter. */
export const SECRETS = ['properties.servicePrincipalProfile.secret', 'properties.windowsProfile.adminPassword'];
/** The capture's placeholder for the generated key. */
export const KEY_DATA = 'properties.linuxProfile.ssh.publicKeys[].keyData';

export type Leaves = Map<string, unknown>;

/** Every leaf of a JSON value by path, arrays as `[]`; empty objects and arrays are leaves too. */
export function leaves(value: unknown, at = '', out: Leaves = new Map()): Leaves {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(at, []);
    value.forEach((v) => leaves(v, `${at}[]`, out));
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) out.set(at, {});
    for (const [k, v] of entries) leaves(v, at ? `${at}.${k}` : k, out);
  } else out.set(at, value);
  return out;
}

/** What a user fills in for the docs' placeholders: the service principal's id. */
export const PLACEHOLDERS = ['properties.servicePrincipalProfile.clientId'];

/**
 * Where `sent` (a managed cluster body, parameters resolved) differs from what the CLI sent:
 * every CLI field must be there with the same value, except what the CLI leaves to the resource
 * provider (an explicit value is fine), secrets (a securestring parameter), the key line and,
 * with `ignore`, the docs' placeholders.
 */
export function differencesFromCli(cliBody: unknown, sent: unknown, expect: { secretParameters: readonly string[]; sshKey?: string; ignore?: readonly string[] }): string[] {
  const cli = leaves(cliBody);
  const ours = leaves(sent);
  const problems: string[] = [];
  for (const [p, value] of cli) {
    if (expect.ignore?.includes(p)) continue;
    if (!ours.has(p)) {
      problems.push(`${p} is missing`);
      continue;
    }
    const mine = ours.get(p);
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    if (p in LEFT_TO_THE_RP && same(value, LEFT_TO_THE_RP[p])) {
      if (mine === '' || mine === 0 || mine === undefined) problems.push(`${p}: no explicit value`);
    } else if (SECRETS.includes(p)) {
      if (!expect.secretParameters.includes(String(mine))) problems.push(`${p}: not a securestring parameter`);
    } else if (p === KEY_DATA) {
      if (expect.sshKey !== undefined && mine !== expect.sshKey) problems.push(`${p}: not the given key`);
    } else if (!same(mine, value)) problems.push(`${p}: ${JSON.stringify(mine)} where the CLI sends ${JSON.stringify(value)}`);
  }
  return problems;
}

/**
 * The managed cluster of a template as Resource Manager receives it: each `[parameters('x')]`
 * replaced by `values[x]`, or by `<parameter x>` when no value is given (secrets, deploy-time
 * values). The resource envelope (type, apiVersion, name, dependsOn) is the request's URL and
 * order, not its body, and is left out.
 */
export function clusterAsSent(
  template: { resources: readonly any[]; parameters: Readonly<Record<string, { type: string }>> },
  values: Readonly<Record<string, unknown>>,
): { body: Record<string, unknown>; secretParameters: string[] } {
  const resolve = (v: unknown): unknown => {
    const m = typeof v === 'string' ? /^\[parameters\('(\w+)'\)\]$/.exec(v) : null;
    if (m) return m[1]! in values ? values[m[1]!] : `<parameter ${m[1]}>`;
    if (Array.isArray(v)) return v.map(resolve);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
    return v;
  };
  const cluster = template.resources.find((r) => r.type === 'Microsoft.ContainerService/managedClusters');
  const { type: _t, apiVersion: _a, name: _n, dependsOn: _d, ...body } = resolve(cluster) as Record<string, unknown>;
  const secretParameters = Object.entries(template.parameters).filter(([, p]) => p.type === 'securestring').map(([n]) => `<parameter ${n}>`);
  return { body, secretParameters };
}
