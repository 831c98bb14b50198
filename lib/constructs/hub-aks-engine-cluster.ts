import { ResourceGroup } from '@cdktf/provider-azurestack/lib/resource-group';
import { TemplateDeployment } from '@cdktf/provider-azurestack/lib/template-deployment';
import { DataResource, TerraformOutput, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { ENGINE_PROP_DEFAULTS } from '../model/defaults';
import type { EngineClusterModel } from '../model/engine-model';
import type { HubAksEngineClusterProps } from '../model/engine-props';
import { apiVersionOf } from '../profile/api-versions';
import { ENGINE_DEPLOY_ENV, type EngineDeployPaths, engineDeployCommand, renderApiModel, renderEngineReadme, renderEngineVnetTemplate, sshKeyAtDeploy } from '../render/apimodel';
import { HubValidationError } from '../rules/finding';
import { checkEngineProps } from '../rules/run';
import { suppressedRuleIds } from '../rules/suppressions';
import { claimNames, clusterStack, secretSourceFindings, secretVariable } from './cluster-support';
import { addFindingValidation, annotate } from './findings';
import { sameFramework } from './one-framework';
import { addArtifact, jsonFile } from './stack-artifacts';
import { recordClusterDeployment } from './subscription-nodes';

/** The stamp's user portal, from its Resource Manager endpoint: `management.` → `portal.`. */
function portalOf(armEndpoint: string): string | undefined {
  const host = new URL(armEndpoint).host;
  return host.startsWith('management.') ? `https://portal.${host.slice('management.'.length)}/` : undefined;
}

/**
 * A Kubernetes cluster for stamps without the AKS resource provider (release 2311 on), deployed by
 * aks-engine-azurestack. The stack creates the cluster's resource group (and a custom VNET when
 * asked); the cluster itself is an API model, `cdktf.out/stacks/<stack>/aks-engine/<id>/apimodel.json`,
 * that `aks-engine-azurestack deploy` turns into ARM deployments in that group. A README.md beside
 * it gives the command; `deployWithTerraform` runs it from `cdktf deploy`. Destroying the stack
 * deletes the group, and with it the cluster.
 */
export class HubAksEngineCluster extends Construct {
  /** The validated model, with every Hub default applied: what the API model is rendered from. */
  public readonly model: EngineClusterModel;
  /** The aks-engine-azurestack API model, as written to `apimodel.json`. */
  public readonly apiModel: Readonly<Record<string, unknown>>;
  /** Name of the cluster's resource group. */
  public readonly resourceGroupName: string;
  /** The `aks-engine-azurestack deploy` command, run from the stack's folder of cdktf.out; secrets come from environment variables. */
  public readonly deployCommand: string;
  /** The sensitive variable holding the client secret, when the construct created it. */
  public readonly clientSecretVariable?: TerraformVariable;
  /** The sensitive variable holding the Windows admin password, when the construct created it. */
  public readonly windowsAdminPasswordVariable?: TerraformVariable;

  constructor(scope: Construct, id: string, props: HubAksEngineClusterProps) {
    super(sameFramework(scope), id);
    const { stack, subject, relativePath, prefix } = clusterStack(this, scope, props, 'HubAksEngineCluster');
    const hub = stack.hub;
    const portalUrl = portalOf(hub.armEndpoint);
    const { input, findings } = checkEngineProps(props, stack.stamp, { identitySystem: stack.identitySystem, ...(portalUrl && { portalUrl }), ...(hub.subscriptionId && { subscriptionId: hub.subscriptionId }) }, suppressedRuleIds(this));
    const errors = findings.filter((f) => f.severity === 'error');
    if (errors.length > 0 || !input) throw new HubValidationError(subject, errors);
    const model = input.model;
    const clash = claimNames(stack, this, model);
    if (clash.length > 0) throw new HubValidationError(subject, clash);
    for (const w of findings) annotate(this, { ...w, location: { constructPath: this.node.path } });
    this.model = model;
    this.apiModel = renderApiModel(model);

    const tags = Object.keys(model.tags).length > 0 ? { ...model.tags } : undefined;

    // The group deploy puts everything in: deleting it is how an aks-engine cluster is removed
    // (docs/tutorials/cli-overview.md: "you must delete the resource group").
    const rg = new ResourceGroup(this, 'resource-group', { name: model.resourceGroup.name, location: model.location, ...(tags && { tags }) });
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

    // Secrets: tokens only, never in the API model; deploy reads them from the environment.
    const byTerraform = props.deployWithTerraform ?? ENGINE_PROP_DEFAULTS.deployWithTerraform;
    let clientSecret = model.servicePrincipal?.clientSecret;
    if (byTerraform && clientSecret === undefined) {
      this.clientSecretVariable = secretVariable(this, prefix, 'client_secret', `Client secret of the service principal aks-engine-azurestack deploy uses for cluster '${model.name}'.`);
      clientSecret = this.clientSecretVariable.stringValue;
    }
    let windowsPassword = model.windowsProfile?.adminPassword;
    if (byTerraform && model.windowsProfile && windowsPassword === undefined) {
      this.windowsAdminPasswordVariable = secretVariable(this, prefix, 'windows_admin_password', `Windows admin password of cluster '${model.name}'.`);
      windowsPassword = this.windowsAdminPasswordVariable.stringValue;
    }
    addFindingValidation(this, () => secretSourceFindings(this, { 'servicePrincipal.clientSecret': model.servicePrincipal?.clientSecret, 'windowsProfile.adminPassword': model.windowsProfile?.adminPassword }));

    const folder = `aks-engine/${relativePath}`;
    const paths: EngineDeployPaths = { apiModel: `${folder}/apimodel.json`, outputDirectory: `${folder}/_output`, ...(hub.subscriptionId && { subscriptionId: hub.subscriptionId }) };
    this.deployCommand = engineDeployCommand(model, paths);
    addArtifact(stack, { relativePath: paths.apiModel, render: () => jsonFile(this.apiModel) });
    addArtifact(stack, { relativePath: `${folder}/README.md`, render: () => renderEngineReadme(model, paths, byTerraform) });

    if (byTerraform) {
      // Runs once, when the group is created (or replaced); later changes go through
      // aks-engine-azurestack scale and upgrade, which Terraform does not see.
      new DataResource(this, 'deploy', {
        triggersReplace: { resource_group: rg.id },
        dependsOn: vnet ? [rg, vnet] : [rg],
        provisioners: [
          {
            type: 'local-exec',
            command: this.deployCommand,
            environment: {
              [ENGINE_DEPLOY_ENV.clientSecret]: clientSecret!,
              ...(windowsPassword !== undefined && { [ENGINE_DEPLOY_ENV.windowsPassword]: windowsPassword }),
              ...(sshKeyAtDeploy(model) && { [ENGINE_DEPLOY_ENV.sshPublicKey]: model.linuxProfile!.sshPublicKey }),
            },
          },
        ],
      });
    }

    new TerraformOutput(this, 'output', { value: { name: model.name, resource_group_name: this.resourceGroupName }, description: 'The AKS engine cluster: name and resource group.' }).overrideLogicalId(prefix);
  }
}
