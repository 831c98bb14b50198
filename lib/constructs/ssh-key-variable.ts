import { Fn, TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';

/**
 * The start of an RSA key line: `AAAAB3NzaC1yc2E` is the base64 of the key's own type field
 * (`ssh-rsa`, RFC 4253 §6.6); 350 base64 characters or more hold a 2048-bit modulus. The comment
 * is one line of printable text without `"` or `\`, up to 256 characters: what ssh-keygen writes
 * (`user@host`), and nothing a model, a log or a terminal would read as syntax.
 */
const RSA_KEY_LINE = '^ssh-rsa AAAAB3NzaC1yc2E[0-9A-Za-z+/]{350,}={0,2}( [^\\\\x00-\\\\x1f\\\\x7f\\\\x22\\\\x5c]{1,256})?$';

/**
 * A Terraform variable for the Linux admin's SSH public key, checked by Terraform at plan time,
 * so the key stays out of the source and `cdktf deploy` stops before the cluster is created when
 * it is not an RSA key of 2048 bits or more (the rule HUB305 applies to literal keys).
 *
 * Set it as `TF_VAR_<id>="$(cat ~/.ssh/id_rsa.pub)"`. Its logical id is `id` itself, so the
 * environment variable's name does not depend on where the variable sits in the tree.
 *
 * @param scope the stack, or a construct in it
 * @param id the variable's name
 * @returns the variable's value, a token to pass as `linuxProfile.sshPublicKey`
 */
export function sshPublicKeyVariable(scope: Construct, id = 'ssh_public_key'): string {
  const variable = new TerraformVariable(scope, id, {
    type: 'string',
    nullable: false,
    description: `The .pub line of an RSA key of 2048 bits or more: TF_VAR_${id}="$(cat ~/.ssh/id_rsa.pub)".`,
  });
  variable.overrideLogicalId(id);
  variable.addValidation({
    condition: Fn.can(Fn.regex(RSA_KEY_LINE, variable.stringValue)),
    errorMessage: 'The SSH public key must be the one-line .pub of an RSA key of 2048 bits or more (ssh-keygen -t rsa -b 4096).',
  });
  return variable.stringValue;
}
