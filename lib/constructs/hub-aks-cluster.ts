import { ResourceGroup } from '@cdktf/provider-azurestack/lib/resource-group';
import { TemplateDeployment } from '@cdktf/provider-azurestack/lib/template-deployment';
import { Fn, Lazy, TerraformOutput, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import type { ClusterModel } from '../model/cluster-model';
import type { HubAksClusterProps } from '../model/props';
import { type ArmRendering, type ArmTemplate, KUBECONFIG_OUTPUTS, type KubeconfigCredential, renderArmParameters, renderArmTemplate } from '../render';
import { HubValidationError, findingOf } from '../rules/finding';
import { INPUT_RULES } from '../rules/input-rules';
import { resolveProps } from '../rules/run';
import { suppressedRuleIds } from '../rules/suppressions';
import { claimNames, clusterStack, kubeconfigParts, parametersBody, secretSourceFindings, secretVariable } from './cluster-support';
import { addFindingValidation, annotate } from './findings';
import { sameFramework } from './one-framework';
import { addArtifact, jsonFile } from './stack-artifacts';
import { recordClusterDeployment } from './subscription-nodes';

/** A cluster's kubeconfig and the parts the Kubernetes and Helm providers take. Tokens, known after deploy. */
export interface HubKubeconfig {
  /** The whole kubeconfig (YAML), sensitive. */
  readonly value: string;
  /** The API server URL. */
  readonly host: string;
  /** The cluster's CA certificate, PEM. */
  readonly clusterCaCertificate: string;
  /** The client certificate, PEM, sensitive. */
  readonly clientCertificate: string;
  /** The client key, PEM, sensitive. */
  readonly clientKey: string;
}

/**
 * An AKS cluster on Azure Stack Hub. Creates its resource group with the `azurestack` provider,
 * and the cluster with its VNET and subnet through one `azurestack_template_deployment` of the
 * library's ARM rendering (the Hub AKS resource provider speaks only api-version 2020-11-01, and
 * `azurerm` refuses Azure Stack). The complete ARM template is also written to
 * `cdktf.out/stacks/<stack>/arm/<id>/` for `az deployment group create`.
 */
export class HubAksCluster extends Construct {
  /** The validated cluster model, with every Hub default applied: what the template is rendered from. */
  public readonly model: ClusterModel;
  /** Name of the managed cluster. */
  public readonly clusterName: string;
  /** Name of the cluster's resource group. */
  public readonly resourceGroupName: string;
  /** The sensitive variable holding the client secret, when the construct created it. */
  public readonly clientSecretVariable?: TerraformVariable;
  /** The sensitive variable holding the Windows admin password, when the construct created it. */
  public readonly windowsAdminPasswordVariable?: TerraformVariable;
  /** The template deployment that creates the cluster. */
  public readonly deployment: TemplateDeployment;

  private readonly credentials = new Set<KubeconfigCredential>();
  private readonly render: () => ArmRendering;

  constructor(scope: Construct, id: string, props: HubAksClusterProps) {
    super(sameFramework(scope), id);
    const { stack, subject, relativePath, prefix } = clusterStack(this, scope, props, 'HubAksCluster');
    const { model, findings } = resolveProps(subject, props, stack.stamp, suppressedRuleIds(this));
    const clash = claimNames(stack, this, model);
    if (clash.length > 0) throw new HubValidationError(subject, clash);
    for (const w of findings) annotate(this, { ...w, location: { constructPath: this.node.path } });
    this.model = model;

    const tags = Object.keys(model.tags).length > 0 ? { ...model.tags } : undefined;

    // Resource group: owned by default, so `cdktf destroy` also removes what the deployment made.
    if (model.resourceGroup.owned) {
      const rg = new ResourceGroup(this, 'resource-group', { name: model.resourceGroup.name, location: model.location, ...(tags && { tags }) });
      this.resourceGroupName = rg.name;
    } else {
      // HUB118 warns that destroy will not remove the cluster from a group the stack does not own.
      this.resourceGroupName = model.resourceGroup.name;
    }

    // Secrets: tokens only; by default a sensitive variable, set with TF_VAR_<name>.
    let clientSecret = model.servicePrincipal?.clientSecret;
    if (clientSecret === undefined) {
      this.clientSecretVariable = secretVariable(this, prefix, 'client_secret', `Client secret of the service principal of AKS cluster '${model.name}'.`);
      clientSecret = this.clientSecretVariable.stringValue;
    }
    let windowsPassword = model.windowsProfile?.adminPassword;
    if (model.windowsProfile && windowsPassword === undefined) {
      // No Terraform validation: Terraform 1.11 prints a sensitive variable's value when its validation fails.
      this.windowsAdminPasswordVariable = secretVariable(this, prefix, 'windows_admin_password', `Windows admin password of AKS cluster '${model.name}'.`);
      windowsPassword = this.windowsAdminPasswordVariable.stringValue;
    }

    addFindingValidation(this, () => secretSourceFindings(this, { 'servicePrincipal.clientSecret': model.servicePrincipal?.clientSecret, 'windowsProfile.adminPassword': model.windowsProfile?.adminPassword }));

    // The cluster and everything it uses: the same template as azuredeploy.json, deployed into the
    // group. Terraform holds no network resource, so destroy never deletes a subnet that the nodes
    // still use; deleting the group removes what the template made (README, "How destroy works").
    // kubeconfig() renders it again with the credential output it asks for.
    let memo: { key: string; rendering: ArmRendering } | undefined;
    this.render = () => {
      const key = [...this.credentials].sort().join(',');
      if (memo?.key !== key) memo = { key, rendering: renderArmTemplate(model, { kubeconfig: [...this.credentials] }) };
      return memo.rendering;
    };
    const rendering = this.render();
    const parameterValues: Record<string, string | number> = {
      ...rendering.values,
      servicePrincipalClientSecret: clientSecret,
      ...(windowsPassword !== undefined && { windowsAdminPassword: windowsPassword }),
    };
    this.deployment = new TemplateDeployment(this, 'deployment', {
      name: `${model.name}-aks`,
      resourceGroupName: this.resourceGroupName,
      deploymentMode: 'Incremental',
      templateBody: JSON.stringify(rendering.template),
      parametersBody: parametersBody(Object.keys(rendering.template.parameters), parameterValues),
    });
    recordClusterDeployment(this.deployment, { where: this.node.path, count: model.nodePool.count });
    this.clusterName = model.name;

    // One output per cluster: `terraform output -json <id>` gives every field. Its references to
    // the deployment are written at synth, under the deployment's final logical id: a cdktf token
    // for each would record a stack trace per cluster, and they never leave this stack.
    const subnet = model.network.subnet;
    const deploymentOutput = (name: string) => `\${${this.deployment.terraformResourceType}.${this.deployment.friendlyUniqueId}.outputs["${name}"]}`;
    new TerraformOutput(this, 'output', {
      value: Lazy.anyValue({
        produce: () => ({
          name: this.clusterName,
          resource_group_name: this.resourceGroupName,
          fqdn: deploymentOutput('controlPlaneFqdn'),
          id: deploymentOutput('clusterResourceId'),
          ...(subnet.kind === 'existing' && { subnet_id: subnet.subnetId }),
          ...(subnet.kind === 'new' && { subnet_id: deploymentOutput('subnetId') }),
        }),
      }),
      description: 'The AKS cluster: name, resource group, API server FQDN, resource id, node subnet id.',
    }).overrideLogicalId(prefix);

    // The same template for `az deployment group create`, beside cdk.tf.json.
    addArtifact(stack, { relativePath: `arm/${relativePath}/azuredeploy.json`, render: () => jsonFile(this.render().template) });
    addArtifact(stack, { relativePath: `arm/${relativePath}/azuredeploy.parameters.json`, render: () => jsonFile(renderArmParameters(this.render())) });
  }

  /**
   * Resource id of the node subnet: the one given, or a token for the template deployment's
   * output when the template creates it; `undefined` with the default VNET, whose subnet the
   * resource provider makes in the node resource group.
   */
  public get subnetId(): string | undefined {
    const subnet = this.model.network.subnet;
    return subnet.kind === 'existing' ? subnet.subnetId : subnet.kind === 'new' ? this.deployment.outputs.lookup('subnetId') : undefined;
  }

  /** FQDN of the API server, from the template deployment's outputs. */
  public get fqdn(): string {
    return this.deployment.outputs.lookup('controlPlaneFqdn');
  }

  /** Resource id of the managed cluster, from the template deployment's outputs. */
  public get clusterId(): string {
    return this.deployment.outputs.lookup('clusterResourceId');
  }

  /** The complete ARM template, as written to `azuredeploy.json`. */
  public get armTemplate(): ArmTemplate {
    return this.render().template;
  }

  /**
   * The cluster's kubeconfig, for the Kubernetes and Helm providers (`cdktf-aks-hub/kubernetes`).
   * Asking for it adds an output to the cluster's template that returns the credential
   * (`listClusterUserCredential` or `listClusterAdminCredential`): from then on the kubeconfig is
   * stored in the Terraform state of this stack and in the deployment's history on the stamp,
   * readable by whoever can read either (README, "Kubeconfig"). Its values are sensitive tokens.
   * @param credential `'user'` or `'admin'`; Hub has no Azure AD integration, so both are client
   *   certificates
   */
  public kubeconfig(credential: KubeconfigCredential = 'user'): HubKubeconfig {
    if (!this.credentials.has(credential)) {
      this.credentials.add(credential);
      this.deployment.templateBody = JSON.stringify(this.render().template);
      // No design keeps the credential out of plan and show output: say so where it is asked for.
      if (this.credentials.size === 1 && !suppressedRuleIds(this).has(INPUT_RULES.kubeconfigOutputs.id)) {
        annotate(this, findingOf(INPUT_RULES.kubeconfigOutputs, { path: `kubeconfig('${credential}')`, value: credential, allowed: 'a kubeconfig read outside Terraform, or this warning suppressed with a reason', message: 'The credential goes into the template deployment\'s outputs, which terraform show, later plans and the stamp\'s deployment history print.' }, undefined, { constructPath: this.node.path }));
      }
    }
    const encoded = this.deployment.outputs.lookup(KUBECONFIG_OUTPUTS[credential]);
    return kubeconfigParts(Fn.yamldecode(Fn.base64decode(encoded)), Fn.base64decode(encoded));
  }
}
