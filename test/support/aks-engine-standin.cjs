#!/usr/bin/env node
// A stand-in for aks-engine-azurestack v0.85.0 that keeps the real program's contract, as
// aks-engine-lifecycle-facts.md describes it (cmd/*.go): the flags each command requires, --set
// parsing, the refusal of an existing output directory, what each command reads and rewrites. The
// "cloud" is a JSON file of resource groups and their VMs in $STANDIN_CLOUD; every call is logged
// to $STANDIN_CLOUD/calls.jsonl. $STANDIN_FAIL=<command> makes that command fail, as ARM would;
// $STANDIN_NO_VERSION and $STANDIN_NO_KUBECONFIG leave out the version command and the kubeconfig.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const RELEASE = process.env.STANDIN_RELEASE || 'v0.85.0';
const CREATABLE = ['1.33.10', '1.34.4', '1.35.0'];
const KNOWN = ['1.29.15', '1.30.10', '1.30.14', '1.31.11', '1.31.13', '1.32.9', '1.33.5', ...CREATABLE];
const BOOL_FLAGS = new Set(['--force-overwrite', '-f', '--force', '--auto-suffix', '--control-plane-only', '--debug', '--no-pretty-print']);
const AUTH = ['--azure-env', '--subscription-id', '-s', '--auth-method', '--client-id', '--client-secret', '--certificate-path', '--private-key-path', '--identity-system', '--language'];
const FLAGS = {
  version: ['-o', '--output'],
  deploy: ['-m', '--api-model', '-p', '--dns-prefix', '--auto-suffix', '-o', '--output-directory', '--ca-certificate-path', '--ca-private-key-path', '-g', '--resource-group', '-l', '--location', '-f', '--force-overwrite', '--set', ...AUTH],
  scale: ['-l', '--location', '-g', '--resource-group', '-m', '--api-model', '--deployment-dir', '-c', '--new-node-count', '--node-pool', '--apiserver', '--master-FQDN', ...AUTH],
  upgrade: ['-l', '--location', '-g', '--resource-group', '-m', '--api-model', '--deployment-dir', '-k', '--upgrade-version', '-b', '--kubeconfig', '--vm-timeout', '--cordon-drain-timeout', '-f', '--force', '--control-plane-only', '--upgrade-windows-vhd', ...AUTH],
  addpool: ['-l', '--location', '-g', '--resource-group', '-m', '--api-model', '-p', '--node-pool', ...AUTH],
  'get-logs': ['-l', '--location', '-m', '--api-model', '--ssh-host', '--linux-ssh-private-key', '--linux-script', '--windows-script', '-o', '--output-directory', '--control-plane-only', '--upload-sas-url', '--vm-names'],
};

const die = (message, code = 1) => {
  process.stderr.write(`Error: ${message}\n`);
  process.exit(code);
};
const say = (line) => process.stdout.write(`time="standin" level=info msg="${line}"\n`);

const [command, ...rest] = process.argv.slice(2);
if (!FLAGS[command]) die(`unknown command "${command}" for "aks-engine-azurestack"`);
const flags = {};
const sets = [];
for (let i = 0; i < rest.length; i++) {
  let [name, value] = rest[i].split(/=(.*)/s);
  if (!name.startsWith('-')) die(`positional arguments are not used here: ${name}`);
  if (!FLAGS[command].includes(name)) die(`unknown flag: ${name}`);
  if (BOOL_FLAGS.has(name)) value = value ?? 'true';
  else if (value === undefined) value = rest[++i];
  if (value === undefined) die(`flag needs an argument: ${name}`);
  if (name === '--set') sets.push(value);
  else flags[name] = value;
}
const flag = (...names) => names.map((n) => flags[n]).find((v) => v !== undefined);

const cloudDir = process.env.STANDIN_CLOUD;
if (!cloudDir) die('STANDIN_CLOUD is not set');
fs.appendFileSync(path.join(cloudDir, 'calls.jsonl'), `${JSON.stringify({ argv: process.argv.slice(2), secretInEnv: Object.keys(process.env).filter((k) => /SECRET|PASSWORD/.test(k)), tmpdir: process.env.TMPDIR, home: process.env.HOME })}\n`);
const cloudFile = path.join(cloudDir, 'cloud.json');
const cloud = fs.existsSync(cloudFile) ? JSON.parse(fs.readFileSync(cloudFile, 'utf8')) : { groups: {} };
const saveCloud = () => fs.writeFileSync(cloudFile, JSON.stringify(cloud, null, 2));

// STANDIN_NO_VERSION: a stand-in that knows only the lifecycle commands.
if (command === 'version' && process.env.STANDIN_NO_VERSION) die('unknown command "version" for "aks-engine-azurestack"');
if (command === 'version') {
  process.stdout.write(flag('-o', '--output') === 'json' ? `${JSON.stringify({ GitTag: RELEASE, GitCommit: 'standin', GitTreeState: 'clean' })}\n` : `Version: ${RELEASE}\n`);
  process.exit(0);
}

// Shared auth flags (cmd/root.go:123-184).
function checkAuth() {
  if (String(flag('--azure-env')).toLowerCase() !== 'azurestackcloud') die('--azure-env must be AzureStackCloud on Azure Stack Hub');
  if (!/^[0-9a-f-]{36}$/i.test(flag('--client-id') || '')) die('--client-id is not a valid UUID');
  const method = flag('--auth-method') || 'client_secret';
  if (method === 'client_secret' && !flag('--client-secret')) die('--client-secret must be specified');
  if (method === 'client_certificate' && !(flag('--certificate-path') && flag('--private-key-path'))) die('--certificate-path and --private-key-path must be specified');
  if (!['azure_ad', 'adfs'].includes(flag('--identity-system') || 'azure_ad')) die('--identity-system must be azure_ad or adfs');
  if (!flag('-s', '--subscription-id')) say("subscription not given: using the Azure CLI's selected subscription");
}
const required = (...names) => {
  const v = flag(...names);
  if (v === undefined || v === '') die(`required flag(s) "${names.at(-1).replace(/^--/, '')}" not set`);
  return v;
};
const writeSecret = (file, text) => {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, text, { mode: 0o600 });
};
const readModel = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const clusterId = (dns) => crypto.createHash('sha256').update(dns).digest('hex').slice(0, 8);
const normalLocation = (l) => String(l).toLowerCase().replace(/\s/g, '');
const version = (v) => v.split('.').map(Number);
const later = (a, b) => { for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i]; return false; };

// --set, as pkg/engine/transform/apimodel_merger.go parses it: unquoted commas split pairs, quotes
// are dropped, and values are retyped as int, then bool, then string.
function applySets(model) {
  for (const s of sets) {
    const pairs = [];
    let key = '', value = '', inKey = true, quote = '';
    for (const c of s) {
      if (quote) { if (c === quote) quote = ''; else if (inKey) key += c; else value += c; continue; }
      if (c === '"' || c === "'") { quote = c; continue; }
      if (c === ',') { pairs.push([key, value]); key = ''; value = ''; inKey = true; continue; }
      if (c === '=' && inKey) { inKey = false; continue; }
      if (inKey) key += c; else value += c;
    }
    pairs.push([key, value]);
    for (const [k, raw] of pairs) {
      const typed = /^-?\d+$/.test(raw) ? Number(raw) : raw === 'true' ? true : raw === 'false' ? false : raw;
      let cur = model.properties;
      const parts = k.split('.');
      for (const [i, part] of parts.entries()) {
        const m = /^(\w+)\[(\d+)\]$/.exec(part);
        const last = i === parts.length - 1;
        if (m) {
          cur[m[1]] = cur[m[1]] || [];
          if (last) cur[m[1]][Number(m[2])] = typed;
          else cur = cur[m[1]][Number(m[2])] = cur[m[1]][Number(m[2])] || {};
        } else if (last) cur[part] = typed;
        else cur = cur[part] = cur[part] || {};
      }
    }
  }
}

function vmsOf(group, dns) {
  const id = clusterId(dns);
  return (cloud.groups[group]?.vms || []).filter((v) => v.cluster === id);
}
function makeVm(group, dns, pool, index, model, vmSize) {
  cloud.groups[group] = cloud.groups[group] || { vms: [] };
  cloud.groups[group].vms.push({ name: pool === 'master' ? `k8s-master-${clusterId(dns)}-${index}` : `k8s-${pool}-${clusterId(dns)}-${index}`, cluster: clusterId(dns), pool, index, version: model.properties.orchestratorProfile.orchestratorVersion, vmSize });
}

if (command === 'deploy') {
  checkAuth();
  const location = normalLocation(required('-l', '--location'));
  const modelFile = required('-m', '--api-model');
  const model = readModel(modelFile);
  applySets(model);
  if (model.location && normalLocation(model.location) !== location) die('--location does not match api model location');
  const p = model.properties;
  if (flag('-p', '--dns-prefix') && p.masterProfile.dnsPrefix) die('invalid --dns-prefix: the api model already has one');
  const dns = p.masterProfile.dnsPrefix || flag('-p', '--dns-prefix') || die('--dns-prefix was not specified');
  const out = flag('-o', '--output-directory') || path.join('_output', dns);
  if (fs.existsSync(out) && !flag('-f', '--force-overwrite')) die('Output directory already exists and forceOverwrite flag is not set');
  const group = flag('-g', '--resource-group') || dns;
  p.linuxProfile.adminUsername = p.linuxProfile.adminUsername || 'azureuser';
  if (!p.linuxProfile.ssh.publicKeys[0].keyData) writeSecret(path.join(out, `${p.linuxProfile.adminUsername}_rsa`), '-----BEGIN RSA PRIVATE KEY-----\nstandin\n-----END RSA PRIVATE KEY-----\n');
  if (!p.servicePrincipalProfile) p.servicePrincipalProfile = { clientId: flag('--client-id'), secret: flag('--client-secret') };
  if (!CREATABLE.includes(p.orchestratorProfile.orchestratorVersion)) die(`the following OrchestratorProfile configuration is not supported: OrchestratorType: "Kubernetes", OrchestratorRelease: "", OrchestratorVersion: "${p.orchestratorProfile.orchestratorVersion}"`);
  if (![1, 3, 5].includes(p.masterProfile.count)) die('the number of masters must be 1, 3 or 5');
  for (const pool of p.agentPoolProfiles) if (pool.availabilityProfile !== 'AvailabilitySet') die(`VirtualMachineScaleSets are not supported on Azure Stack Hub (pool ${pool.name})`);
  if (!p.customCloudProfile?.portalURL) die('portalURL needs to be specified when AzureStackCloud CustomCloudProfile is provided');
  p.customCloudProfile.identitySystem = flag('--identity-system') || 'azure_ad';
  const certsGenerated = !p.certificateProfile;
  if (certsGenerated) p.certificateProfile = { caCertificate: 'standin-ca-cert', caPrivateKey: `standin-ca-key-${crypto.randomBytes(8).toString('hex')}`, kubeConfigCertificate: 'standin-kc-cert', kubeConfigPrivateKey: 'standin-kc-key' };
  p.masterProfile.fqdn = `${dns}.${location}.cloudapp.azurestack.external`;
  const write = (name, value) => writeSecret(path.join(out, name), `${JSON.stringify(value, null, 2)}\n`);
  write('apimodel.json', model);
  write('azuredeploy.json', { $schema: 'https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#', resources: [] });
  write('azuredeploy.parameters.json', { parameters: { servicePrincipalClientSecret: { value: p.servicePrincipalProfile.secret } } });
  if (certsGenerated && !process.env.STANDIN_NO_KUBECONFIG) {
    write(`kubeconfig/kubeconfig.${location}.json`, {
      apiVersion: 'v1',
      clusters: [{ name: dns, cluster: { 'certificate-authority-data': Buffer.from('-----BEGIN CERTIFICATE-----\nca\n-----END CERTIFICATE-----\n').toString('base64'), server: `https://${p.masterProfile.fqdn}` } }],
      users: [{ name: `${dns}-admin`, user: { 'client-certificate-data': Buffer.from('cert').toString('base64'), 'client-key-data': Buffer.from(p.certificateProfile.kubeConfigPrivateKey).toString('base64') } }],
    });
    writeSecret(path.join(out, 'ca.key'), p.certificateProfile.caPrivateKey);
  }
  if (process.env.STANDIN_FAIL === 'deploy') die('Code="DeploymentFailed" Message="At least one resource deployment operation failed."');
  if (vmsOf(group, dns).length === 0) {
    for (let i = 0; i < p.masterProfile.count; i++) makeVm(group, dns, 'master', i, model, p.masterProfile.vmSize);
    for (const pool of p.agentPoolProfiles) for (let i = 0; i < pool.count; i++) makeVm(group, dns, pool.name, i, model, pool.vmSize);
  }
  saveCloud();
  say(`Starting ARM Deployment ${group}-standin in resource group ${group}. This will take some time...`);
  say('Finished ARM Deployment');
  process.exit(0);
}

if (command === 'get-logs') {
  const model = readModel(required('-m', '--api-model'));
  required('-l', '--location');
  required('--ssh-host');
  if (!fs.existsSync(required('--linux-ssh-private-key'))) die('error reading SSH private key');
  const out = flag('-o', '--output-directory') || path.join(path.dirname(flag('-m', '--api-model')), '_logs');
  fs.mkdirSync(out, { recursive: true });
  const id = clusterId(model.properties.masterProfile.dnsPrefix);
  for (let i = 0; i < model.properties.masterProfile.count; i++) fs.writeFileSync(path.join(out, `k8s-master-${id}-${i}.zip`), 'standin logs');
  say(`Logs downloaded to ${out}`);
  process.exit(0);
}

// scale, upgrade, addpool
checkAuth();
const location = normalLocation(required('-l', '--location'));
const group = required('-g', '--resource-group');
if (flag('-m', '--api-model') && flag('--deployment-dir')) die('--api-model and --deployment-dir cannot both be specified');
const modelFile = flag('-m', '--api-model') || (flag('--deployment-dir') && path.join(flag('--deployment-dir'), 'apimodel.json')) || required('-m', '--api-model');
const model = readModel(modelFile);
if (normalLocation(model.location) !== location) die('--location does not match api model location');
const p = model.properties;
const dns = p.masterProfile.dnsPrefix;
if (vmsOf(group, dns).length === 0) die(`The provided resource group does not contain any VMs: ${group}`);
if (process.env.STANDIN_FAIL === command) die(`${command} failed: Code="OperationNotAllowed"`);
const saveModel = (m) => writeSecret(modelFile, `${JSON.stringify(m, null, 2)}\n`);

if (command === 'scale') {
  const count = Number(flag('-c', '--new-node-count') || 0);
  if (!count) die('--new-node-count must be specified');
  const poolName = flag('--node-pool') || (p.agentPoolProfiles.length === 1 ? p.agentPoolProfiles[0].name : die('--node-pool is required if more than one agent pool is defined in the container service'));
  const i = p.agentPoolProfiles.findIndex((a) => a.name === poolName);
  if (i < 0) die(`node pool ${poolName} was not found in the deployed api model`);
  const vms = vmsOf(group, dns).filter((v) => v.pool === poolName);
  if (vms.length === 0) die(`The provided node pool ${poolName} does not contain any VMs`);
  if (vms.length === count) {
    say(`Node pool ${poolName} is already at the desired count ${count}`);
    process.exit(0);
  }
  if (count < vms.length) {
    const api = flag('--apiserver', '--master-FQDN') || die('--apiserver must be specified when scaling down');
    if (api.startsWith('http://')) die('--apiserver must use https');
    const keep = vms.sort((a, b) => a.index - b.index).slice(0, count);
    cloud.groups[group].vms = cloud.groups[group].vms.filter((v) => v.pool !== poolName || v.cluster !== clusterId(dns) || keep.includes(v));
    say(`Cordoning and draining ${vms.length - count} nodes`);
  } else {
    const top = Math.max(...vms.map((v) => v.index));
    for (let n = 1; n <= count - vms.length; n++) makeVm(group, dns, poolName, top + n, model, p.agentPoolProfiles[i].vmSize);
  }
  saveCloud();
  // Only the pool's count changes, in the model re-read from disk (cmd/scale.go:524-551).
  const fresh = readModel(modelFile);
  fresh.properties.agentPoolProfiles[i].count = count;
  saveModel(fresh);
  say(`Scaled node pool ${poolName} to ${count}`);
  process.exit(0);
}

if (command === 'upgrade') {
  const target = required('-k', '--upgrade-version');
  if (!/^\d+\.\d+\.\d+$/.test(target)) die(`invalid --upgrade-version: ${target}`);
  const current = p.orchestratorProfile.orchestratorVersion;
  if (!flag('-f', '--force')) {
    if (!KNOWN.includes(current)) die(`Kubernetes version ${current} is not supported`);
    // pkg/api/orchestrators.go:182-205: later versions below the next minor but one, or, when
    // the next minor has none, up to the lowest creatable minor.
    const [, cm] = version(current);
    const nextMinor = CREATABLE.some((v) => version(v)[1] === cm + 1);
    const limit = nextMinor ? cm + 1 : Math.min(...CREATABLE.map((v) => version(v)[1]));
    const allowed = CREATABLE.filter((v) => later(version(v), version(current)) && version(v)[1] <= limit);
    if (!allowed.includes(target)) die(`Kubernetes version ${target} is not supported as an upgrade from ${current}; available: ${allowed.join(', ') || 'none'}`);
  }
  for (const vm of vmsOf(group, dns)) {
    vm.version = target;
    vm.vmSize = vm.pool === 'master' ? p.masterProfile.vmSize : p.agentPoolProfiles.find((a) => a.name === vm.pool).vmSize;
  }
  saveCloud();
  // The whole model is written back after a successful run, with the upgrade's defaults (cmd/upgrade.go:458-481).
  p.orchestratorProfile.orchestratorVersion = target;
  p.orchestratorProfile.orchestratorRelease = target.split('.').slice(0, 2).join('.');
  p.orchestratorProfile.kubernetesConfig.etcdVersion = '3.5.21';
  saveModel(model);
  say(`Cluster upgraded successfully to Kubernetes version ${target}`);
  process.exit(0);
}

if (command === 'addpool') {
  const pool = readModel(required('-p', '--node-pool'));
  if (p.agentPoolProfiles.some((a) => a.name === pool.name)) die(`node pool ${pool.name} already exists`);
  if (p.agentPoolProfiles.some((a) => a.availabilityProfile !== pool.availabilityProfile)) die('mixed mode availability profiles are not allowed');
  for (let i = 0; i < pool.count; i++) makeVm(group, dns, pool.name, i, model, pool.vmSize);
  saveCloud();
  const fresh = readModel(modelFile);
  fresh.properties.agentPoolProfiles.push(pool);
  saveModel(fresh);
  say(`Node pool ${pool.name} added`);
  process.exit(0);
}
