import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { ResourceGroup } from '@cdktf/provider-azurestack/lib/resource-group';
import { TemplateDeployment } from '@cdktf/provider-azurestack/lib/template-deployment';
import { App, DataResource, Fn, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { planEngine } from '../lifecycle/plan';
import { ENGINE_ENV, type EngineSpec } from '../lifecycle/spec';
import { STATE, type StateRecord, StateFolder } from '../lifecycle/state';
import { ENGINE_PROP_DEFAULTS } from '../model/defaults';
import type { EngineClusterModel } from '../model/engine-model';
import type { HubAksEngineClusterProps } from '../model/engine-props';
import { apiVersionOf } from '../profile/api-versions';
import type { StampProfile } from '../profile/stamp';
import { renderApiModel, renderEngineReadme, renderEngineVnetTemplate, sshKeyAtDeploy } from '../render/apimodel';
import { HubValidationError, findingOf } from '../rules/finding';
import { INPUT_RULES } from '../rules/input-rules';
import { checkEngineProps } from '../rules/run';
import { suppressedRuleIds } from '../rules/suppressions';
import { claimNames, clusterStack, kubeconfigParts, secretSourceFindings } from './cluster-support';
import { addFindingValidation, annotate } from './findings';
import type { HubKubeconfig } from './hub-aks-cluster';
import { sameFramework } from './one-framework';
import { addArtifact, jsonFile } from './stack-artifacts';
import { recordClusterDeployment } from './subscription-nodes';

/** The stamp's user portal, from its Resource Manager endpoint: `management.` → `portal.`. */
function portalOf(armEndpoint: string): string | undefined {
  const host = new URL(armEndpoint).host;
  return host.startsWith('management.') ? `https://portal.${host.slice('management.'.length)}/` : undefined;
}

/** The stamp's DNS domain: the Resource Manager host without `management.<region>.` (`local.azurestack.external`). */
function domainOf(armEndpoint: string, location: string): string | undefined {
  const host = new URL(armEndpoint).hostname.toLowerCase();
  const prefix = `management.${location.toLowerCase()}.`;
  return host.startsWith(prefix) ? host.slice(prefix.length) : undefined;
}

/** A path for Terraform and the commands it runs, with `/` on every host (Node on Windows takes both). */
const portable = (p: string): string => p.split(path.sep).join('/');

/**
 * How Terraform starts this package's `aks-hub` program on the user's machine: `node -e` with this
 * code, which looks for the program from the folder Terraform runs in upwards (the app's
 * node_modules, or a checkout of this package). No path of the machine is written, so synth output
 * is the same wherever the app and its cdktf.out are; no shell is involved on any host.
 */
export const PROGRAM_LOCATOR = [
  "const p=require('path'),f=require('fs');",
  'for(let d=process.cwd();;d=p.dirname(d)){',
  "let b=p.join(d,'node_modules','cdktf-aks-hub','bin','aks-hub.js');",
  "try{if(JSON.parse(f.readFileSync(p.join(d,'package.json'),'utf8')).name==='cdktf-aks-hub')b=p.join(d,'bin','aks-hub.js')}catch(e){}",
  'if(f.existsSync(b)){process.argv.splice(1,0,b);require(b);break}',
  "if(p.dirname(d)===d){console.error('aks-hub: cdktf-aks-hub is not installed in '+process.cwd()+' or a folder above it');process.exitCode=2;break}}",
].join('');

/** The folder cdktf runs Terraform in for a stack: `<outdir>/stacks/<stack id>`. */
const stackFolder = (stack: TerraformStack): string => path.resolve(App.of(stack).outdir, 'stacks', stack.node.id);

/**
 * A cluster deployed from this state folder is judged at synth, as apply would judge it: a change
 * aks-engine-azurestack cannot make stops here, before any plan (HUB520-HUB524).
 */
function refuseChangesOfDeployed(subject: string, state: StateFolder, spec: EngineSpec, apiModel: Record<string, unknown>, stamp: StampProfile): void {
  let deployed: Record<string, unknown> | undefined;
  let record: StateRecord | undefined;
  try {
    deployed = state.deployedModel();
    record = state.record();
  } catch {
    // An unreadable state is apply's to report, with the file named.
    return;
  }
  if (!deployed) return;
  const plan = planEngine({ spec, desired: apiModel, deployed, deployedOnce: record?.status === 'deployed', ...(record && { deployedGroup: record.resourceGroup }), stamp });
  const refused = plan.findings.filter((f) => f.severity === 'error');
  if (refused.length > 0) throw new HubValidationError(subject, refused);
}

/**
 * A Kubernetes cluster for stamps without the AKS resource provider (release 2311 on), deployed
 * and changed by aks-engine-azurestack. The stack creates the cluster's resource group (and a
 * custom VNET when asked); synth writes the cluster as an API model,
 * `cdktf.out/stacks/<stack>/aks-engine/<id>/apimodel.json`, with `engine.json` beside it.
 * `aks-hub engine apply` (run by `cdktf deploy` with `deployWithTerraform`) deploys it once, then
 * scales, upgrades and adds pools to match the props, judged against the model in the cluster's
 * state folder. Destroying the stack deletes the group, and with it the cluster.
 */
export class HubAksEngineCluster extends Construct {
  /** The validated model, with every Hub default applied: what the API model is rendered from. */
  public readonly model: EngineClusterModel;
  /** The aks-engine-azurestack API model, as written to `apimodel.json`. */
  public readonly apiModel: Readonly<Record<string, unknown>>;
  /** Name of the cluster's resource group. */
  public readonly resourceGroupName: string;
  /**
   * The cluster's state folder (absolute): what aks-engine-azurestack deploy wrote, with the
   * cluster's keys. Every later operation reads it; synth never writes or deletes it.
   */
  public readonly stateDirectory: string;
  /** `engine.json`, relative to the folder the app runs in: what `aks-hub engine plan|apply|logs` take. */
  public readonly engineSpecFile: string;
  private readonly clusterStack: TerraformStack;

  constructor(scope: Construct, id: string, props: HubAksEngineClusterProps) {
    super(sameFramework(scope), id);
    const { stack, subject, relativePath, prefix } = clusterStack(this, scope, props, 'HubAksEngineCluster');
    const hub = stack.hub;
    const portalUrl = portalOf(hub.armEndpoint);
    const stampDomain = domainOf(hub.armEndpoint, hub.location);
    const { input, findings } = checkEngineProps(props, stack.stamp, { identitySystem: stack.identitySystem, ...(portalUrl && { portalUrl }), ...(hub.subscriptionId && { subscriptionId: hub.subscriptionId }), ...(stampDomain && { stampDomain }) }, suppressedRuleIds(this));
    const errors = findings.filter((f) => f.severity === 'error');
    if (errors.length > 0 || !input) throw new HubValidationError(subject, errors);
    const model = input.model;
    const clash = claimNames(stack, this, model);
    if (clash.length > 0) throw new HubValidationError(subject, clash);
    for (const w of findings) annotate(this, { ...w, location: { constructPath: this.node.path } });
    this.model = model;
    this.apiModel = renderApiModel(model);
    this.clusterStack = stack;

    // The state folder, outside cdktf.out, where the user chose; a relative path is taken from the folder the app runs in.
    this.stateDirectory = path.resolve(props.stateDirectory ?? path.join(ENGINE_PROP_DEFAULTS.stateDirectory, stack.node.id, relativePath));
    // cdktf deletes what is in cdktf.out; the cluster's keys must outlive every synth.
    const outdir = path.resolve(App.of(stack).outdir);
    if (this.stateDirectory === outdir || this.stateDirectory.startsWith(outdir + path.sep) || outdir.startsWith(this.stateDirectory + path.sep)) {
      throw new HubValidationError(subject, [
        findingOf(INPUT_RULES.invalidValue, { path: 'stateDirectory', value: props.stateDirectory, allowed: 'a folder outside the app\'s output folder (cdktf.out) and not above it', message: 'cdktf deletes what is in its output folder, and the state folder holds the keys every later change of the cluster needs.' }),
      ]);
    }
    const folder = `aks-engine/${relativePath}`;
    const specFolder = path.join(stackFolder(stack), folder);
    this.engineSpecFile = portable(path.relative(process.cwd(), path.join(specFolder, 'engine.json')));
    const spec: EngineSpec = {
      cluster: this.node.path,
      vocabulary: 'props',
      apiModel: 'apimodel.json',
      state: portable(path.relative(specFolder, this.stateDirectory)),
      resourceGroup: model.resourceGroup.name,
      location: model.location,
      ...(hub.subscriptionId && { subscriptionId: hub.subscriptionId }),
      identitySystem: stack.identitySystem,
      authMethod: props.authMethod ?? ENGINE_PROP_DEFAULTS.authMethod,
      clientId: model.servicePrincipal?.clientId ?? '',
      sshKeyAtDeploy: sshKeyAtDeploy(model),
      windowsPasswordAtDeploy: model.windowsProfile !== undefined,
    };
    refuseChangesOfDeployed(subject, new StateFolder(this.stateDirectory), spec, this.apiModel, stack.stamp);

    const byTerraform = props.deployWithTerraform ?? ENGINE_PROP_DEFAULTS.deployWithTerraform;
    // What Terraform runs on the user's machine: node with this package's program and an argument
    // array, no shell (local-exec's default is cmd /C on Windows). The spec's path is relative to
    // the stack's folder, where Terraform runs.
    const program = ['node', '-e', PROGRAM_LOCATOR];
    const specFromStack = `${folder}/engine.json`;
    // Stands for the group's life: the group depends on it, so its destroy-time provisioner runs
    // after the group is deleted (destroy, or a group made anew) and deletes the state folder of
    // the cluster that was in it.
    const life = byTerraform
      ? new DataResource(this, 'cluster', {
          triggersReplace: { resource_group: model.resourceGroup.name, location: model.location, ...(hub.subscriptionId && { subscription: hub.subscriptionId }) },
          provisioners: [{ type: 'local-exec', when: 'destroy', interpreter: [...program, 'engine', 'forget'], command: specFromStack }],
        })
      : undefined;

    const tags = Object.keys(model.tags).length > 0 ? { ...model.tags } : undefined;
    // The group deploy puts everything in: deleting it is how an aks-engine cluster is removed
    // (docs/tutorials/cli-overview.md: "you must delete the resource group").
    const rg = new ResourceGroup(this, 'resource-group', { name: model.resourceGroup.name, location: model.location, ...(tags && { tags }), ...(life && { dependsOn: [life] }) });
    this.resourceGroupName = rg.name;
    // HUB020 counts every VM: control plane and agents.
    recordClusterDeployment(rg, { where: this.node.path, count: model.controlPlane.count + model.agentPools.reduce((n, p) => n + p.count, 0) });

    // A custom VNET as a template deployment in the group, like HubAksCluster's: Terraform never
    // deletes a subnet the VMs still use; deleting the group takes it with the cluster.
    const subnet = model.network.subnet;
    const vnet =
      subnet.kind === 'new'
        ? new TemplateDeployment(this, 'vnet', {
            name: `${model.name}-vnet`,
            resourceGroupName: rg.name,
            deploymentMode: 'Incremental',
            templateBody: JSON.stringify(renderEngineVnetTemplate(subnet, model.tags, apiVersionOf(stack.stamp.apiProfile, 'Microsoft.Network/virtualNetworks'))),
          })
        : undefined;

    addFindingValidation(this, () => secretSourceFindings(this, { 'servicePrincipal.clientSecret': model.servicePrincipal?.clientSecret, 'windowsProfile.adminPassword': model.windowsProfile?.adminPassword }));
    const specText = jsonFile(spec);
    const apiModelText = jsonFile(this.apiModel);
    const stateShown = portable(path.relative(process.cwd(), this.stateDirectory)) || '.';
    addArtifact(stack, { relativePath: `${folder}/apimodel.json`, render: () => apiModelText });
    addArtifact(stack, { relativePath: `${folder}/engine.json`, render: () => specText });
    addArtifact(stack, { relativePath: `${folder}/README.md`, render: () => renderEngineReadme(model, { spec: this.engineSpecFile, state: stateShown }, byTerraform, spec.authMethod) });

    if (life) {
      // Secrets come from the shell's environment (AKS_ENGINE_CLIENT_SECRET, …), so the
      // provisioner's config holds no sensitive value and Terraform shows aks-engine's progress. A
      // secret given as a Terraform value goes in through `environment`, which hides it.
      const secretEnv: Record<string, string> = {
        ...(model.servicePrincipal?.clientSecret !== undefined && { [ENGINE_ENV.clientSecret]: model.servicePrincipal.clientSecret }),
        ...(model.windowsProfile?.adminPassword !== undefined && { [ENGINE_ENV.windowsPassword]: model.windowsProfile.adminPassword }),
      };
      new DataResource(this, 'deploy', {
        // Runs again when the code's cluster changes or the group is made anew (not when only the
        // path to the state folder differs); apply compares with the state's model.
        triggersReplace: { cluster: createHash('sha256').update(apiModelText).update(JSON.stringify({ ...spec, state: undefined })).digest('hex'), resource_group: rg.id, life: life.id },
        dependsOn: vnet ? [rg, vnet, life] : [rg, life],
        provisioners: [
          {
            type: 'local-exec',
            interpreter: [...program, 'engine', 'apply'],
            command: specFromStack,
            environment: {
              [ENGINE_ENV.deploymentId]: life.id,
              ...(sshKeyAtDeploy(model) && { [ENGINE_ENV.sshPublicKey]: model.linuxProfile!.sshPublicKey }),
              ...secretEnv,
            },
          },
        ],
      });
    }

    new TerraformOutput(this, 'output', { value: { name: model.name, resource_group_name: this.resourceGroupName }, description: 'The AKS engine cluster: name and resource group.' }).overrideLogicalId(prefix);
  }

  /**
   * The cluster's kubeconfig for the `kubernetes` and `helm` providers of another stack
   * (`hubKubernetesProvider`, `hubHelmProvider`). Terraform reads it from the state folder when
   * that stack is planned, so the stack is made to depend on the cluster's. It is the admin
   * client certificate deploy wrote; sensitive.
   * @param scope a construct in the stack that uses it
   */
  public kubeconfig(scope: Construct): HubKubeconfig {
    const consumer = TerraformStack.of(scope);
    if (consumer === this.clusterStack) {
      throw new Error(`${this.node.path}: use the kubeconfig in another stack; Terraform plans a stack before its apply deploys the cluster.`);
    }
    consumer.addDependency(this.clusterStack);
    const file = portable(path.relative(stackFolder(consumer), path.join(this.stateDirectory, STATE.output, 'kubeconfig', `kubeconfig.${this.model.location}.json`)));
    return kubeconfigParts(Fn.jsondecode(Fn.file(file)), Fn.file(file));
  }
}
