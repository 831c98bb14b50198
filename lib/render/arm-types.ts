/** The parts of the ARM template language the library writes. */

/** Deployment template schema; the 2019-04-01 envelope is what Hub's Resource Manager accepts. */
export const DEPLOYMENT_TEMPLATE_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
/** Parameters file schema. */
export const DEPLOYMENT_PARAMETERS_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';

/** A template parameter declaration. */
export interface ArmParameter {
  readonly type: 'string' | 'securestring' | 'int' | 'bool' | 'object';
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly metadata?: { readonly description: string };
}

/** A resource in a template. */
export interface ArmResource {
  readonly type: string;
  readonly apiVersion: string;
  readonly name: string;
  readonly [key: string]: unknown;
}

/** A deployment template. */
export interface ArmTemplate {
  readonly $schema: string;
  readonly contentVersion: string;
  readonly parameters: Readonly<Record<string, ArmParameter>>;
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly resources: readonly ArmResource[];
  readonly outputs: Readonly<Record<string, { readonly type: string; readonly value: string }>>;
}

/** A Key Vault reference in a parameters file. */
export interface ArmKeyVaultReference {
  readonly reference: {
    readonly keyVault: { readonly id: string };
    readonly secretName: string;
    readonly secretVersion?: string;
  };
}

/** A parameters file (`azuredeploy.parameters.json`). */
export interface ArmParametersFile {
  readonly $schema: string;
  readonly contentVersion: string;
  readonly parameters: Readonly<Record<string, { readonly value: unknown } | ArmKeyVaultReference>>;
}
