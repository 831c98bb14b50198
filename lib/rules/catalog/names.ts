import { MAX_OS_DISK_GB, TAG_LIMITS } from '../../profile/hub-limits';
import { MIN_RSA_KEY_BITS, type SshKeyError, isAcceptedKey, parseSshPublicKey } from '../../model/ssh-key';
import { isConcrete, text } from '../checks';
import type { RuleChecks, RuleHit } from '../rule';

/** What a valid key line looks like, for the message: never the user's own input. */
const KEY_LINE_SHAPE = "one line 'ssh-rsa <base64 key data, about 370 characters for 2048 bits> [comment]', as in ~/.ssh/id_rsa.pub";

/** Why a key line could not be read, in words. */
const KEY_LINE_PROBLEMS: Readonly<Record<SshKeyError, string>> = {
  'not-a-key-line': "it is not of the form '<key type> <base64 data> [comment]'",
  'bad-base64': 'its key data is not complete base64',
  'type-mismatch': 'the key type at the start of the line differs from the type inside the key data',
  truncated: 'its key data is cut short',
};

/** How cdktf writes a token into a string. */
const TOKEN_MARKER = /\$\{TfToken\[[^\]]*\]\}/g;

/** Strings of untyped props (keys included) whose literal text holds a Terraform template sequence. */
function templateSequences(value: unknown, path: string, depth = 0): [string, string][] {
  if (typeof value === 'string') {
    // The literal parts of a string that mixes text and tokens; a token itself is a reference.
    const literal = value.replace(TOKEN_MARKER, '');
    return /\$\{|%\{/.test(literal) ? [[path, value]] : [];
  }
  if (depth > 8 || value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const at = path ? `${path}.${k}` : k;
    return [...(/\$\{|%\{/.test(k) ? [[at, k] as [string, string]] : []), ...templateSequences(v, at, depth + 1)];
  });
}

/**
 * Admin user names Azure refuses on Linux and Windows nodes (the disallowed list of the
 * 2020-11-01 managedClusters API and Azure VM admin names).
 */
export const RESERVED_ADMIN_NAMES: readonly string[] = Object.freeze([
  'administrator', 'admin', 'user', 'user1', 'test', 'user2', 'test1', 'user3', 'admin1', '1', '123', 'a', 'actuser', 'adm',
  'admin2', 'aspnet', 'backup', 'console', 'david', 'guest', 'john', 'owner', 'root', 'server', 'sql', 'support', 'support_388945a0',
  'sys', 'test2', 'test3', 'user4', 'user5',
]);

const mismatch = (path: string, value: string, allowed: string, message: string): RuleHit[] => [{ path, value, allowed, message }];

export const NAME_RULES: readonly RuleChecks[] = [
  {
    id: 'HUB300',
    check: (model, ctx) =>
      text(model.name) && !/^[a-z0-9]$|^[a-z0-9][-_a-z0-9]{0,61}[a-z0-9]$/.test(model.name)
        ? mismatch(ctx.name('name'), model.name, '1-63 of a-z 0-9 - _, starting and ending with a letter or digit', 'The cluster name is not valid.')
        : [],
  },
  {
    id: 'HUB301',
    check: (model, ctx) =>
      // Upper case is allowed: the API server's FQDN is written in lower case (az aks create takes 'MyAKS').
      text(model.dnsPrefix) && !/^[a-zA-Z0-9]$|^[a-zA-Z0-9][-a-zA-Z0-9]{0,52}[a-zA-Z0-9]$/.test(model.dnsPrefix)
        ? mismatch(ctx.name('dnsPrefix'), model.dnsPrefix, '1-54 of letters, digits and -, starting and ending with a letter or digit', 'The DNS prefix is not a valid host name label.')
        : [],
  },
  {
    id: 'HUB302',
    check: (model, ctx) => {
      const name = model.nodePool.name;
      if (!text(name)) return [];
      if (!/^[a-z][a-z0-9]{0,11}$/.test(name)) return mismatch(ctx.name('nodePool.name'), name, '^[a-z][a-z0-9]{0,11}$', 'The node pool name is not valid.');
      if (model.nodePool.osType === 'Windows' && name.length > 6) return mismatch(ctx.name('nodePool.name'), name, 'at most 6 characters for Windows', 'Windows node pool names have at most 6 characters.');
      return [];
    },
  },
  {
    id: 'HUB303',
    check: (model, ctx) => {
      const name = model.resourceGroup.name;
      return text(name) && !/^[-\w.()]{0,89}[-\w()]$/u.test(name)
        ? mismatch(ctx.name('resourceGroup.name'), name, '1-90 of letters, digits, _ - . ( ), not ending with .', 'The resource group name is not valid.')
        : [];
    },
  },
  {
    id: 'HUB304',
    check: (model, ctx) => {
      const found: RuleHit[] = [];
      const linux = model.linuxProfile?.adminUsername;
      if (text(linux)) {
        if (!/^[A-Za-z][-A-Za-z0-9_]{0,31}$/.test(linux)) found.push(...mismatch(ctx.name('linuxProfile.adminUsername'), linux, '1-32 of letters, digits, - _, starting with a letter', 'The Linux admin name is not valid.'));
        else if (RESERVED_ADMIN_NAMES.includes(linux.toLowerCase())) found.push(...mismatch(ctx.name('linuxProfile.adminUsername'), linux, 'a name not on the reserved list', 'This admin name is reserved.'));
      }
      const win = model.windowsProfile?.adminUsername;
      if (text(win)) {
        if (!/^[A-Za-z0-9][-A-Za-z0-9_.]{0,19}$/.test(win) || win.endsWith('.')) found.push(...mismatch(ctx.name('windowsProfile.adminUsername'), win, 'at most 20 of letters, digits, - _ ., not ending with a period', 'The Windows admin name is not valid.'));
        else if (RESERVED_ADMIN_NAMES.includes(win.toLowerCase())) found.push(...mismatch(ctx.name('windowsProfile.adminUsername'), win, 'a name not on the reserved list', 'This admin name is reserved.'));
      }
      return found;
    },
  },
  {
    id: 'HUB305',
    check: (model, ctx) => {
      const key = model.linuxProfile?.sshPublicKey;
      if (!text(key)) return [];
      const parsed = parseSshPublicKey(key);
      const path = ctx.name('linuxProfile.sshPublicKey');
      if (typeof parsed === 'string') return mismatch(path, key, KEY_LINE_SHAPE, `This is not a readable SSH public key: ${KEY_LINE_PROBLEMS[parsed]}.`);
      if (parsed.type !== 'ssh-rsa') return mismatch(path, key, 'an ssh-rsa key', `${parsed.type} keys are not accepted; only RSA keys are.`);
      if (!isAcceptedKey(parsed)) return mismatch(path, key, `an RSA key of ${MIN_RSA_KEY_BITS} bits or more`, `The RSA key has ${parsed.bits} bits.`);
      return [];
    },
  },
  {
    id: 'HUB308',
    checkProps: (props) =>
      templateSequences(props, '').map(([path, value]) => ({
        path,
        value,
        allowed: 'text without ${ or %{',
        message: 'Terraform would evaluate ${ … } and %{ … } in this text when it deploys.',
      })),
  },
  {
    id: 'HUB309',
    check: (model, ctx) => {
      const s = model.network.subnet;
      if (s.kind !== 'new') return [];
      return [
        ...(text(s.vnetName) && !/^[A-Za-z0-9][-\w.]{0,62}[\w]$|^[A-Za-z0-9]$/.test(s.vnetName)
          ? mismatch(ctx.name('network.vnet.name'), s.vnetName, '2-64 of letters, digits, _ . -, starting with a letter or digit and ending with a letter, digit or _', 'The VNET name is not valid.')
          : []),
        ...(text(s.subnetName) && !/^[A-Za-z0-9][-\w.]{0,78}[\w]$|^[A-Za-z0-9]$/.test(s.subnetName)
          ? mismatch(ctx.name('network.vnet.subnetName'), s.subnetName, '1-80 of letters, digits, _ . -, starting with a letter or digit and ending with a letter, digit or _', 'The subnet name is not valid.')
          : []),
      ];
    },
  },
  {
    id: 'HUB306',
    checkProps: (props) => {
      const tags = props.tags;
      if (tags === null || typeof tags !== 'object') return [];
      return Object.keys(tags)
        .filter((k) => ['__proto__', 'constructor', 'prototype'].includes(k))
        .map((k) => ({ path: `tags.${k}`, value: k, allowed: 'an ordinary tag name', message: 'This tag name is refused: it would alter object prototypes.' }));
    },
    check: (model, ctx) => {
      const entries = Object.entries(model.tags);
      const found: RuleHit[] = [];
      if (entries.length > TAG_LIMITS.count) found.push({ path: ctx.name('tags'), value: `${entries.length} tags`, allowed: `at most ${TAG_LIMITS.count} tags`, message: 'Too many tags.' });
      for (const [k, v] of entries) {
        // A key that reads as an ARM expression would be evaluated, not written.
        if (k.startsWith('[') && k.endsWith(']')) found.push({ path: ctx.name(`tags.${k}`), value: k, allowed: 'a name that is not [ … ]', message: 'Resource Manager would read this tag name as an expression.' });
        if (k.length === 0 || k.length > TAG_LIMITS.name || /[<>%&\\?/]/.test(k)) found.push({ path: ctx.name(`tags.${k}`), value: k, allowed: `1-${TAG_LIMITS.name} characters without < > % & \\ ? /`, message: 'The tag name is not valid.' });
        if (isConcrete(v) && v.length > TAG_LIMITS.value) found.push({ path: ctx.name(`tags.${k}`), value: v, allowed: `at most ${TAG_LIMITS.value} characters`, message: 'The tag value is too long.' });
      }
      return found;
    },
  },
  {
    id: 'HUB307',
    check: (model, ctx) => {
      const gb = model.nodePool.osDiskSizeGb;
      return isConcrete(gb) && (gb < 0 || gb > MAX_OS_DISK_GB)
        ? [{ path: ctx.name('nodePool.osDiskSizeGb'), value: gb, allowed: `from 0 to ${MAX_OS_DISK_GB}`, message: 'The OS disk size is out of range.' }]
        : [];
    },
  },
];
