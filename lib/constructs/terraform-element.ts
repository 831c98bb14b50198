import { TerraformDataSource, TerraformProvider, TerraformResource } from 'cdktf';
import type { IConstruct } from 'constructs';
import type { TerraformElement } from '../import/terraform-json';

/** Whether a construct is a resource, data source or provider: something the Hub rules look at. */
export function isTerraformElement(node: IConstruct): node is TerraformResource | TerraformDataSource | TerraformProvider {
  return node instanceof TerraformResource || node instanceof TerraformDataSource || node instanceof TerraformProvider;
}

/** A resource, data source or provider as it synthesizes: the same shape `aks-hub check` reads from cdk.tf.json. */
export function elementOf(element: TerraformResource | TerraformDataSource | TerraformProvider): TerraformElement {
  const tf = element.toTerraform() as Record<string, Record<string, unknown>>;
  const type = element.terraformResourceType;
  if (element instanceof TerraformProvider) {
    const config = (tf.provider?.[type] as unknown[] | undefined)?.[0];
    return { kind: 'provider', type, address: `provider.${type}`, attributes: (config ?? {}) as Record<string, unknown>, constructPath: element.node.path };
  }
  const data = element instanceof TerraformDataSource;
  const byId = ((data ? tf.data : tf.resource)?.[type] ?? {}) as Record<string, Record<string, unknown>>;
  const [id, attributes] = Object.entries(byId)[0] ?? [element.friendlyUniqueId, {}];
  return { kind: data ? 'data' : 'resource', type, address: `${data ? 'data.' : ''}${type}.${id}`, attributes, constructPath: element.node.path };
}
