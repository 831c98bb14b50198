/** An OpenSSH public key line, decoded far enough to check its type and size. */
export interface SshPublicKey {
  /** Key type from the line, e.g. `ssh-rsa`. */
  readonly type: string;
  /** Modulus size in bits, for RSA keys. */
  readonly bits?: number;
}

/** Why a key line could not be read. */
export type SshKeyError = 'not-a-key-line' | 'bad-base64' | 'type-mismatch' | 'truncated';

/** Reads the length-prefixed fields of an SSH wire-format blob (RFC 4253 §6.6). */
function fields(blob: Buffer): Buffer[] | undefined {
  const out: Buffer[] = [];
  let at = 0;
  while (at < blob.length) {
    if (at + 4 > blob.length) return undefined;
    const len = blob.readUInt32BE(at);
    at += 4;
    if (len > blob.length - at) return undefined;
    out.push(blob.subarray(at, at + len));
    at += len;
  }
  return out;
}

/** Bits in a big-endian unsigned integer (SSH mpints carry a leading zero byte when the top bit is set). */
function bitLength(n: Buffer): number {
  let i = 0;
  while (i < n.length && n[i] === 0) i++;
  if (i === n.length) return 0;
  return (n.length - i - 1) * 8 + (32 - Math.clz32(n[i]!));
}

// Many clusters of one app share a key; parsing decodes and reads its whole blob.
const parsedKeys = new Map<string, Readonly<SshPublicKey> | SshKeyError>();

/**
 * Parses `ssh-rsa AAAA... [comment]`. The blob's own type must match the line's, and for RSA the
 * modulus size is read from the blob.
 */
export function parseSshPublicKey(line: string): Readonly<SshPublicKey> | SshKeyError {
  let parsed = parsedKeys.get(line);
  if (parsed === undefined) {
    if (parsedKeys.size > 1_000) parsedKeys.clear();
    const fresh = parseUncached(line);
    parsed = typeof fresh === 'string' ? fresh : Object.freeze(fresh);
    parsedKeys.set(line, parsed);
  }
  return parsed;
}

function parseUncached(line: string): SshPublicKey | SshKeyError {
  const m = /^(ssh-[a-z0-9-]+|ecdsa-[a-z0-9-]+|sk-[a-z0-9@.-]+) ([A-Za-z0-9+/]+={0,2})(?: .*)?$/.exec(line.trim());
  if (!m) return 'not-a-key-line';
  const [, type, data] = m as unknown as [string, string, string];
  if (data.length % 4 !== 0) return 'bad-base64';
  const blob = Buffer.from(data, 'base64');
  const parts = fields(blob);
  if (!parts || parts.length === 0) return 'truncated';
  if (parts[0]!.toString('latin1') !== type) return 'type-mismatch';
  if (type !== 'ssh-rsa') return { type };
  if (parts.length !== 3) return 'truncated';
  return { type, bits: bitLength(parts[2]!) };
}

/** AKS node VMs accept RSA keys of this many bits or more (HUB305). */
export const MIN_RSA_KEY_BITS = 2048;

/** Whether a parsed key line is one the nodes accept: RSA of at least `MIN_RSA_KEY_BITS`. */
export function isAcceptedKey(parsed: SshPublicKey | SshKeyError): boolean {
  return typeof parsed !== 'string' && parsed.type === 'ssh-rsa' && (parsed.bits ?? 0) >= MIN_RSA_KEY_BITS;
}
