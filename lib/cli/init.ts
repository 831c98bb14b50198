import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from './inputs';

/** Options of `aks-hub init`. */
export interface InitOptions {
  readonly armEndpoint: string;
  readonly location: string;
  readonly clientId: string;
  /** A `.pub` file; without one, a fresh RSA public key is written whose private half is discarded. */
  readonly sshPublicKeyFile?: string;
}

/** The versions the scaffold pins: this package's own, and the ones it is built and tested with. */
export interface ScaffoldVersions {
  readonly self: string;
  readonly dependencies: Readonly<Record<string, string>>;
}

/** An RSA public key in OpenSSH format, generated here; nobody holds its private key. */
function placeholderSshKey(): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const mpint = (b64url: string) => {
    const raw = Buffer.from(b64url, 'base64url');
    return raw[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), raw]) : raw;
  };
  const field = (b: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(b.length);
    return Buffer.concat([length, b]);
  };
  const blob = Buffer.concat([field(Buffer.from('ssh-rsa')), field(mpint(jwk.e!)), field(mpint(jwk.n!))]);
  return `ssh-rsa ${blob.toString('base64')} replace-with-your-own-key`;
}

function files(name: string, o: InitOptions, sshKey: string, v: ScaffoldVersions): Record<string, string> {
  const dep = (n: string) => v.dependencies[n] ?? 'latest';
  const pkg = {
    name,
    version: '0.1.0',
    private: true,
    scripts: { synth: 'tsx main.ts', test: 'vitest run' },
    dependencies: { 'cdktf-aks-hub': v.self, cdktf: dep('cdktf'), constructs: dep('constructs') },
    devDependencies: { '@types/node': dep('@types/node'), tsx: dep('tsx'), typescript: dep('typescript'), vitest: dep('vitest') },
  };
  return {
    'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
    'cdktf.json': `${JSON.stringify({ language: 'typescript', app: 'npx tsx main.ts', projectId: name, sendCrashReports: 'false', terraformProviders: [], terraformModules: [], context: {} }, null, 2)}\n`,
    'tsconfig.json': `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'node16', moduleResolution: 'node16', strict: true, esModuleInterop: true, skipLibCheck: true, noEmit: true, types: ['node'] }, include: ['*.ts'] }, null, 2)}\n`,
    '.gitignore': 'node_modules/\ncdktf.out/\n*.tfstate\n*.tfstate.*\n.terraform/\n',
    'main.ts': `// An AKS cluster on Azure Stack Hub. \`npm run synth\` writes cdktf.out/; \`cdktf deploy\` deploys it.
// Credentials come from ARM_CLIENT_ID, ARM_CLIENT_SECRET, ARM_SUBSCRIPTION_ID and ARM_TENANT_ID;
// the cluster's service principal secret from TF_VAR_cluster_client_secret.
import { App } from 'cdktf';
import { HubAksCluster, HubStack } from 'cdktf-aks-hub';

// Replace with the content of your ~/.ssh/id_rsa.pub.
export const SSH_PUBLIC_KEY = ${JSON.stringify(sshKey)};

export function buildApp(app = new App()): App {
  const stack = new HubStack(app, 'aks-hub', {
    hub: { armEndpoint: ${JSON.stringify(o.armEndpoint)}, location: ${JSON.stringify(o.location)} },
  });
  new HubAksCluster(stack, 'cluster', {
    name: 'aks-cluster',
    servicePrincipal: { clientId: ${JSON.stringify(o.clientId)} },
    linuxProfile: { sshPublicKey: SSH_PUBLIC_KEY },
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

it('deploys one AKS cluster at the Hub api-version, with the basic load balancer', () => {
  const { terraform, arm } = synthHub(stack());
  expect(terraform.provider.azurestack[0].metadata_host).toBe(${JSON.stringify(new URL(o.armEndpoint).host)});
  const cluster = arm.cluster!.template.resources.find((r) => r.type === 'Microsoft.ContainerService/managedClusters') as any;
  expect(cluster.apiVersion).toBe('2020-11-01');
  expect(cluster.properties.networkProfile.loadBalancerSku).toBe('basic');
});

it('matches the snapshot', () => {
  expect(synthHub(stack())).toMatchSnapshot();
});
`,
  };
}

/** Writes a new project into `dir`; refuses to overwrite files that exist. Returns the files written. */
export function initProject(dir: string, options: InitOptions, versions: ScaffoldVersions): string[] {
  let url: URL;
  try {
    url = new URL(options.armEndpoint);
  } catch {
    throw new InputError(`--arm-endpoint ${options.armEndpoint}: not a URL`);
  }
  if (url.protocol !== 'https:') throw new InputError(`--arm-endpoint ${options.armEndpoint}: must be an https URL`);
  let sshKey: string;
  if (options.sshPublicKeyFile) {
    try {
      sshKey = fs.readFileSync(options.sshPublicKeyFile, 'utf8').trim();
    } catch (e) {
      throw new InputError(`${options.sshPublicKeyFile}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  } else sshKey = placeholderSshKey();
  const name = path.basename(path.resolve(dir)).toLowerCase().replace(/[^a-z0-9-]+/g, '-') || 'aks-hub-app';
  const out = files(name, options, sshKey, versions);
  const existing = Object.keys(out).filter((f) => fs.existsSync(path.join(dir, f)));
  if (existing.length > 0) throw new InputError(`${dir}: would overwrite ${existing.join(', ')}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const [f, content] of Object.entries(out)) fs.writeFileSync(path.join(dir, f), content);
  return Object.keys(out);
}
