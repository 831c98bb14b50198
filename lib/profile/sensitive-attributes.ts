/**
 * Resource and data source attributes whose providers mark them Sensitive: a secret taken from one
 * never appears in cdk.tf.json or plan output. A cluster's secret may come from one of these, or
 * from a sensitive variable without a default (HUB115).
 */
export const SENSITIVE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  // hashicorp/random: random_password.result and bcrypt_hash are Sensitive.
  random_password: ['result', 'bcrypt_hash'],
  // hashicorp/azurestack: azurestack_key_vault_secret value is Sensitive (resource and data source).
  azurestack_key_vault_secret: ['value'],
  'data.azurestack_key_vault_secret': ['value'],
  // hashicorp/azuread: password values of applications and service principals are Sensitive.
  azuread_application_password: ['value'],
  azuread_service_principal_password: ['value'],
});
