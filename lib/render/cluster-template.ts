import type { ClusterModel } from '../model/cluster-model';
import { renderArmParameters, renderArmTemplate } from './arm-template';
import type { ArmParametersFile, ArmTemplate } from './arm-types';

/**
 * The `azuredeploy.json` and `azuredeploy.parameters.json` that `HubAksCluster` writes for a
 * cluster model (from `validateCluster`). Pure: the same model gives the same files.
 */
export function renderClusterTemplate(model: ClusterModel): { readonly template: ArmTemplate; readonly parameters: ArmParametersFile } {
  const rendering = renderArmTemplate(model);
  return { template: rendering.template, parameters: renderArmParameters(rendering) };
}
