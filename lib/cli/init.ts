import * as fs from 'node:fs';
import * as path from 'node:path';
import { MIN_RSA_KEY_BITS, isAcceptedKey, parseSshPublicKey } from '../model/ssh-key';
import { InputError } from './inputs';

/** Options of `aks-hub init`. */
export interface InitOptions {
  readonly armEndpoint: string;
  readonly location: string;
  readonly clientId: string;
  /** A `.pub` file whose key line goes into main.ts; without one, main.ts takes the key from `TF_VAR_ssh_public_key` at deploy. */
  readonly sshPublicKeyFile?: string;
  /** A `HubAksCluster`, for stamps before 2311 with the AKS resource provider registered; otherwise a `HubAksEngineCluster`. */
  readonly aksResourceProvider?: boolean;
}

/** The versions the scaffold pins: this package's own, and the ones it is built and tested with. */
export interface ScaffoldVersions {
  readonly self: string;
  readonly dependencies: Readonly<Record<string, string>>;
}

/** The one key line of a `.pub` file: an RSA public key of 2048 bits or more, and nothing else (never a private key). */
function readPublicKey(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw new InputError(`--ssh-public-key ${JSON.stringify(file)}: cannot read it (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  // A public key line is well under 16 KiB; reading only regular files keeps devices and FIFOs out.
  if (!stat.isFile() || stat.size > 16 * 1024) throw new InputError(`--ssh-public-key ${JSON.stringify(file)}: not a .pub file (a regular file of one line)`);
  const text = fs.readFileSync(file, 'utf8').trim();
  const parsed = /[\r\n]/.test(text) ? 'not-a-key-line' : parseSshPublicKey(text);
  if (!isAcceptedKey(parsed)) {
    // Nothing of the file is echoed: it may be a private key.
    throw new InputError(`--ssh-public-key ${JSON.stringify(file)}: not an RSA public key line of ${MIN_RSA_KEY_BITS} bits or more; give the .pub file (ssh-keygen -t rsa -b 4096 writes ~/.ssh/id_rsa.pub)`);
  }
  return text;
}

/** What differs between the two scaffolds: the header, the construct and its props, and the test of what it writes. */
interface ScaffoldCluster {
  readonly header: string;
  readonly construct: 'HubAksEngineCluster' | 'HubAksCluster';
  readonly name: string;
  /** Props besides the name, the service principal and the Linux profile, as lines of TypeScript. */
  readonly props: readonly string[];
  readonly test: string;
}

/** main.ts and main.test.ts around one cluster: a HubStack for the stamp, compliance, the cluster's own test, a snapshot. */
function scaffold(o: InitOptions, sshKey: string | undefined, c: ScaffoldCluster): Record<string, string> {
  const keyNote = sshKey === undefined ? ',\n// and your SSH public key from TF_VAR_ssh_public_key="$(cat ~/.ssh/id_rsa.pub)"' : '';
  return {
    'main.ts': `${c.header.replace('<ssh-key-note>', keyNote)}
import { App } from 'cdktf';
import { ${c.construct}, HubStack${sshKey === undefined ? ', sshPublicKeyVariable' : ''} } from 'cdktf-aks-hub';

export function buildApp(app = new App()): App {
  const stack = new HubStack(app, 'aks-hub', {
    hub: { armEndpoint: ${JSON.stringify(o.armEndpoint)}, location: ${JSON.stringify(o.location)} },
  });
  new ${c.construct}(stack, 'cluster', {
${[`name: '${c.name}'`, `servicePrincipal: { clientId: ${JSON.stringify(o.clientId)} }`, ...c.props, `linuxProfile: { sshPublicKey: ${sshKey === undefined ? 'sshPublicKeyVariable(stack)' : JSON.stringify(sshKey)} }`].map((l) => `    ${l},`).join('\n')}
  });
  return app;
}

if (require.main === module) buildApp().synth();
`,
    'main.test.ts': `import { Testing } from 'cdktf';
import { HubStack } from 'cdktf-aks-hub';
import { assertHubCompliant, synthHub } from 'cdktf-aks-hub/testing';
import { expect, it } from 'vitest';
import { buildApp } from './main';

function stack(): HubStack {
  const app = buildApp(Testing.app());
  return app.node.findChild('aks-hub') as HubStack;
}

it('is Hub-compliant', () => {
  assertHubCompliant(stack());
});

${c.test.replace('<metadata-host>', JSON.stringify(new URL(o.armEndpoint).host))}
it('matches the snapshot', () => {
  expect(synthHub(stack())).toMatchSnapshot();
});
`,
  };
}

/** For a stamp of release 2311 or later: an AKS engine cluster, deployed and changed by cdktf deploy. */
const ENGINE_SCAFFOLD: ScaffoldCluster = {
  header: `// A Kubernetes cluster on Azure Stack Hub through aks-engine-azurestack (stamps of release 2311 on).
// \`npm run synth\` writes cdktf.out/; \`cdktf deploy\` makes the resource group, then deploys, scales
// and upgrades the cluster with aks-engine-azurestack v0.85.0, which must be on the PATH.
// Credentials come from ARM_CLIENT_ID, ARM_CLIENT_SECRET, ARM_SUBSCRIPTION_ID and ARM_TENANT_ID;
// the cluster's service principal secret from AKS_ENGINE_CLIENT_SECRET<ssh-key-note>.
// The cluster's keys go to .aks-engine-state/ (git ignores it): back that folder up.`,
  construct: 'HubAksEngineCluster',
  name: 'k8s-cluster',
  props: ["agentPools: [{ name: 'linuxpool', count: 3 }]", 'deployWithTerraform: true'],
  test: `it('writes an aks-engine-azurestack API model with availability sets and the basic load balancer', () => {
  const { terraform, engine } = synthHub(stack());
  expect(terraform.provider.azurestack[0].metadata_host).toBe(<metadata-host>);
  const model = engine.cluster!.apiModel as any;
  expect(model.properties.masterProfile).toMatchObject({ count: 3, availabilityProfile: 'AvailabilitySet' });
  expect(model.properties.orchestratorProfile.kubernetesConfig.loadBalancerSku).toBe('Basic');
});
`,
};

/** For a stamp before 2311 with the AKS resource provider registered: a HubAksCluster. */
const RESOURCE_PROVIDER_SCAFFOLD: ScaffoldCluster = {
  header: `// An AKS cluster on Azure Stack Hub. \`npm run synth\` writes cdktf.out/; \`cdktf deploy\` deploys it.
// Credentials come from ARM_CLIENT_ID, ARM_CLIENT_SECRET, ARM_SUBSCRIPTION_ID and ARM_TENANT_ID;
// the cluster's service principal secret from TF_VAR_cluster_client_secret<ssh-key-note>.`,
  construct: 'HubAksCluster',
  name: 'aks-cluster',
  props: [],
  test: `it('deploys one AKS cluster at the Hub api-version, with the basic load balancer', () => {
  const { terraform, arm } = synthHub(stack());
  expect(terraform.provider.azurestack[0].metadata_host).toBe(<metadata-host>);
  const cluster = arm.cluster!.template.resources.find((r) => r.type === 'Microsoft.ContainerService/managedClusters') as any;
  expect(cluster.apiVersion).toBe('2020-11-01');
  expect(cluster.properties.networkProfile.loadBalancerSku).toBe('basic');
});
`,
};

function files(name: string, o: InitOptions, sshKey: string | undefined, v: ScaffoldVersions): Record<string, string> {
  const dep = (n: string) => v.dependencies[n] ?? 'latest';
  const pkg = {
    name,
    version: '0.1.0',
    private: true,
    scripts: { synth: 'aks-hub synth', test: 'vitest run' },
    dependencies: { 'cdktf-aks-hub': v.self, cdktf: dep('cdktf'), constructs: dep('constructs') },
    devDependencies: { '@types/node': dep('@types/node'), tsx: dep('tsx'), typescript: dep('typescript'), vitest: dep('vitest') },
  };
  return {
    'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
    'cdktf.json': `${JSON.stringify({ language: 'typescript', app: 'npx tsx main.ts', projectId: name, sendCrashReports: 'false', terraformProviders: [], terraformModules: [], context: {} }, null, 2)}\n`,
    'tsconfig.json': `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'node16', moduleResolution: 'node16', strict: true, esModuleInterop: true, skipLibCheck: true, noEmit: true, types: ['node'] }, include: ['*.ts'] }, null, 2)}\n`,
    // The state folder of an AKS engine cluster holds its private keys: never in git.
    '.gitignore': 'node_modules/\ncdktf.out/\n*.tfstate\n*.tfstate.*\n.terraform/\n.aks-engine-state/\n',
    ...scaffold(o, sshKey, o.aksResourceProvider ? RESOURCE_PROVIDER_SCAFFOLD : ENGINE_SCAFFOLD),
  };
}

/**
 * An npm package name from the folder's name: lower case, URL-safe characters, no leading dot or
 * underscore, at most 214 characters; a parent folder named `@scope` makes a scoped name.
 */
export function packageName(dir: string): string {
  const clean = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9._~-]+/g, '-')
      .replace(/^[._~-]+|-+$/g, '')
      .slice(0, 214)
      .replace(/-+$/, '');
  const target = path.resolve(dir);
  const name = clean(path.basename(target)) || 'aks-hub-app';
  const parent = path.basename(path.dirname(target));
  const scope = parent.startsWith('@') ? clean(parent.slice(1)) : '';
  return scope && scope.length + name.length + 2 <= 214 ? `@${scope}/${name}` : name;
}

/**
 * Creates `dir` and any missing parents one level at a time, after checking that the nearest
 * existing one is a folder: a recursive mkdir can hang on special file systems such as /proc.
 */
function makeFolder(dir: string): void {
  const target = path.resolve(dir);
  const missing: string[] = [];
  let existing = target;
  for (;;) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(existing);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new InputError(`${dir}: cannot use it (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    if (stat) {
      if (!stat.isDirectory()) throw new InputError(`${existing === target ? dir : existing}: is a file, not a folder`);
      break;
    }
    missing.unshift(existing);
    const up = path.dirname(existing);
    if (up === existing) throw new InputError(`${dir}: no folder to create it in`);
    existing = up;
  }
  try {
    fs.accessSync(existing, fs.constants.W_OK);
    for (const m of missing) fs.mkdirSync(m);
  } catch (e) {
    throw new InputError(`${dir}: cannot create it (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Writes a new project into `dir`; refuses to overwrite anything there, links included. Returns the files written. */
export function initProject(dir: string, options: InitOptions, versions: ScaffoldVersions): string[] {
  if (dir.trim() === '') throw new InputError('give the folder to create, for example: aks-hub init my-cluster');
  let url: URL;
  try {
    url = new URL(options.armEndpoint);
  } catch {
    throw new InputError(`--arm-endpoint ${options.armEndpoint}: not a URL`);
  }
  if (url.protocol !== 'https:') throw new InputError(`--arm-endpoint ${options.armEndpoint}: must be an https URL`);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(options.clientId)) {
    throw new InputError(`--client-id ${JSON.stringify(options.clientId)}: not an application id (a GUID)`);
  }
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(options.location)) throw new InputError(`--location ${JSON.stringify(options.location)}: not a region name such as local`);
  let sshKey: string | undefined;
  if (options.sshPublicKeyFile) sshKey = readPublicKey(options.sshPublicKeyFile);
  const out = files(packageName(dir), options, sshKey, versions);
  const existing = Object.keys(out).filter((f) => {
    try {
      fs.lstatSync(path.join(dir, f));
      return true;
    } catch {
      return false;
    }
  });
  if (existing.length > 0) throw new InputError(`${dir}: would overwrite ${existing.join(', ')}`);
  makeFolder(dir);
  // 'wx' is O_CREAT | O_EXCL: never through a link, never over a file that appeared meanwhile.
  for (const [f, content] of Object.entries(out)) fs.writeFileSync(path.join(dir, f), content, { flag: 'wx' });
  return Object.keys(out);
}
