import { MAX_OS_DISK_GB, TAG_LIMITS } from '../../profile/hub-limits';
import { MIN_RSA_KEY_BITS, type SshKeyError, isAcceptedKey, parseSshPublicKey } from '../../model/ssh-key';
import { isConcrete, text } from '../checks';
import type { HubRule, RuleHit } from '../rule';

/** What a valid key line looks like, for the message: never the user's own input. */
const KEY_LINE_SHAPE = "one line 'ssh-rsa <base64 key data, about 370 characters for 2048 bits> [comment]', as in ~/.ssh/id_rsa.pub";

/** Why a key line could not be read, in words. */
const KEY_LINE_PROBLEMS: Readonly<Record<SshKeyError, string>> = {
  'not-a-key-line': "it is not of the form '<key type> <base64 data> [comment]'",
  'bad-base64': 'its key data is not complete base64',
  'type-mismatch': 'the key type at the start of the line differs from the type inside the key data',
  truncated: 'its key data is cut short',
};

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

export const NAME_RULES: readonly HubRule[] = [
  {
    id: 'HUB300',
    title: 'Invalid cluster name',
    severity: 'error',
    source: 'managedClusters 2020-11-01: resourceName pattern; aks-known-issues.md: upper-case names give "invalid DNS name"',
    why: 'The resource provider refuses names outside its pattern, and the Hub portal fails on upper-case names.',
    fix: 'Use 1 to 63 lower-case letters, digits, hyphens and underscores, starting and ending with a letter or digit.',
    suppressible: false,
    check: (spec, ctx) =>
      text(spec.name) && !/^[a-z0-9]$|^[a-z0-9][-_a-z0-9]{0,61}[a-z0-9]$/.test(spec.name)
        ? mismatch(ctx.name('name'), spec.name, '1-63 of a-z 0-9 - _, starting and ending with a letter or digit', 'The cluster name is not valid.')
        : [],
    examples: { fail: [{ props: { name: 'Demo AKS' } }, { props: { name: '-x' } }], pass: [{ props: { name: 'demo_aks-1' } }] },
  },
  {
    id: 'HUB301',
    title: 'Invalid DNS prefix',
    severity: 'error',
    source: 'managedClusters 2020-11-01: dnsPrefix of 1-54 letters, digits and hyphens',
    why: 'The DNS prefix becomes the API server host name.',
    fix: 'Use 1 to 54 lower-case letters, digits and hyphens, starting and ending with a letter or digit.',
    suppressible: false,
    check: (spec, ctx) =>
      text(spec.dnsPrefix) && !/^[a-z0-9]$|^[a-z0-9][-a-z0-9]{0,52}[a-z0-9]$/.test(spec.dnsPrefix)
        ? mismatch(ctx.name('dnsPrefix'), spec.dnsPrefix, '1-54 of a-z 0-9 -, starting and ending with a letter or digit', 'The DNS prefix is not a valid host name label.')
        : [],
    examples: { fail: [{ props: { dnsPrefix: 'my_cluster' } }, { props: { dnsPrefix: 'x'.repeat(55) } }], pass: [{ props: { dnsPrefix: 'my-cluster' } }] },
  },
  {
    id: 'HUB302',
    title: 'Invalid node pool name',
    severity: 'error',
    source: 'managedClusters 2020-11-01: pool name ^[a-z][a-z0-9]{0,11}$; Windows pool names have at most 6 characters',
    why: 'Pool names become VM scale set and node names; Windows computer names are short.',
    fix: 'Use 1 to 12 lower-case letters and digits starting with a letter (at most 6 for Windows).',
    suppressible: false,
    check: (spec, ctx) => {
      const name = spec.nodePool.name;
      if (!text(name)) return [];
      if (!/^[a-z][a-z0-9]{0,11}$/.test(name)) return mismatch(ctx.name('nodePool.name'), name, '^[a-z][a-z0-9]{0,11}$', 'The node pool name is not valid.');
      if (spec.nodePool.osType === 'Windows' && name.length > 6) return mismatch(ctx.name('nodePool.name'), name, 'at most 6 characters for Windows', 'Windows node pool names have at most 6 characters.');
      return [];
    },
    examples: {
      fail: [{ props: { nodePool: { name: 'Pool-1' } } }, { props: { nodePool: { name: 'windows', osType: 'Windows' }, windowsProfile: {} } }],
      pass: [{ props: { nodePool: { name: 'pool1' } } }, { props: { nodePool: { name: 'win1', osType: 'Windows' }, windowsProfile: {} } }],
    },
  },
  {
    id: 'HUB303',
    title: 'Invalid resource group name',
    severity: 'error',
    source: 'ARM: resource group names have 1-90 letters, digits, underscores, hyphens, periods and parentheses, not ending in a period',
    why: 'Resource Manager refuses other names.',
    fix: 'Use 1 to 90 letters, digits, _ - . ( ), not ending with a period.',
    suppressible: false,
    check: (spec, ctx) => {
      const name = spec.resourceGroup.name;
      return text(name) && !/^[-\w.()]{0,89}[-\w()]$/u.test(name)
        ? mismatch(ctx.name('resourceGroup.name'), name, '1-90 of letters, digits, _ - . ( ), not ending with .', 'The resource group name is not valid.')
        : [];
    },
    examples: { fail: [{ props: { resourceGroupName: 'rg.' } }, { props: { resourceGroupName: 'my rg' } }], pass: [{ props: { resourceGroupName: 'rg-aks.prod(1)' } }] },
  },
  {
    id: 'HUB304',
    title: 'Invalid or reserved admin user name',
    severity: 'error',
    source: 'managedClusters 2020-11-01: adminUsername patterns and the disallowed list (administrator, admin, user, root, ...)',
    why: 'Azure refuses reserved admin names and names outside the pattern when it creates the node VMs.',
    fix: "Choose another admin name, e.g. 'azureuser'.",
    suppressible: false,
    check: (spec, ctx) => {
      const found: RuleHit[] = [];
      const linux = spec.linuxProfile?.adminUsername;
      if (text(linux)) {
        if (!/^[A-Za-z][-A-Za-z0-9_]{0,31}$/.test(linux)) found.push(...mismatch(ctx.name('linuxProfile.adminUsername'), linux, '1-32 of letters, digits, - _, starting with a letter', 'The Linux admin name is not valid.'));
        else if (RESERVED_ADMIN_NAMES.includes(linux.toLowerCase())) found.push(...mismatch(ctx.name('linuxProfile.adminUsername'), linux, 'a name not on the reserved list', 'This admin name is reserved.'));
      }
      const win = spec.windowsProfile?.adminUsername;
      if (text(win)) {
        if (!/^[A-Za-z0-9][-A-Za-z0-9_.]{0,19}$/.test(win) || win.endsWith('.')) found.push(...mismatch(ctx.name('windowsProfile.adminUsername'), win, 'at most 20 of letters, digits, - _ ., not ending with a period', 'The Windows admin name is not valid.'));
        else if (RESERVED_ADMIN_NAMES.includes(win.toLowerCase())) found.push(...mismatch(ctx.name('windowsProfile.adminUsername'), win, 'a name not on the reserved list', 'This admin name is reserved.'));
      }
      return found;
    },
    examples: {
      fail: [
        { props: { linuxProfile: { adminUsername: 'root' } } },
        { props: { nodePool: { osType: 'Windows', name: 'win' }, windowsProfile: { adminUsername: 'Administrator' } } },
      ],
      pass: [{ props: { nodePool: { osType: 'Windows', name: 'win' }, windowsProfile: { adminUsername: 'winops' } } }],
    },
  },
  {
    id: 'HUB305',
    title: 'SSH public key is not an RSA key of 2048 bits or more',
    severity: 'error',
    source: 'managedClusters 2020-11-01 / Azure Linux VMs: SSH keys must be RSA, 2048 bits or more',
    why: 'AKS node VMs accept only RSA keys of 2048 bits or more; anything else fails at deployment.',
    fix: 'Give the whole .pub line of an RSA key, as ssh-keygen -t rsa -b 4096 writes it to ~/.ssh/id_rsa.pub, or sshPublicKeyVariable() to take it from TF_VAR_ssh_public_key at deploy.',
    suppressible: false,
    check: (spec, ctx) => {
      const key = spec.linuxProfile?.sshPublicKey;
      if (!text(key)) return [];
      const parsed = parseSshPublicKey(key);
      const path = ctx.name('linuxProfile.sshPublicKey');
      if (typeof parsed === 'string') return mismatch(path, key, KEY_LINE_SHAPE, `This is not a readable SSH public key: ${KEY_LINE_PROBLEMS[parsed]}.`);
      if (parsed.type !== 'ssh-rsa') return mismatch(path, key, 'an ssh-rsa key', `${parsed.type} keys are not accepted; only RSA keys are.`);
      if (!isAcceptedKey(parsed)) return mismatch(path, key, `an RSA key of ${MIN_RSA_KEY_BITS} bits or more`, `The RSA key has ${parsed.bits} bits.`);
      return [];
    },
    examples: {
      fail: [
        { props: { linuxProfile: { sshPublicKey: 'ssh-rsa AAAA...' } } },
        { props: { linuxProfile: { sshPublicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH6jVmKCjV85R6/3B5iFp1/3oJ2OvrnAT94E9QUPr0NI you@example' } } },
        { props: { linuxProfile: { sshPublicKey: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDVoX9T/0s0YFJGk6IHEE4yt/z6PhCrXQrZnVKeiqdAEwrHWyLZy0MrH/Cv//W9BC+FTD9ylv4s8T9wt543qWUJbXPZ2v3Aptq9TmU2yL1tSo2g+P9CcJm4GNh3yBW/ScVdd7xm/Nayv7zLOWWKpl9hYcVSwiR2iDfY1KDgs4HkUw== small@example' } } },
      ],
      pass: [{ props: {} }],
    },
  },
  {
    id: 'HUB306',
    title: 'Invalid tags',
    severity: 'error',
    source: 'ARM tag limits: 50 tags per resource, names of 512 and values of 256 characters, no < > % & \\ ? / in names',
    why: 'Resource Manager refuses the whole deployment when one tag breaks its limits.',
    fix: `Keep at most ${TAG_LIMITS.count} tags, names up to ${TAG_LIMITS.name} characters without < > % & \\ ? /, values up to ${TAG_LIMITS.value} characters.`,
    suppressible: false,
    checkProps: (props) => {
      const tags = props.tags;
      if (tags === null || typeof tags !== 'object') return [];
      return Object.keys(tags)
        .filter((k) => ['__proto__', 'constructor', 'prototype'].includes(k))
        .map((k) => ({ path: `tags.${k}`, value: k, allowed: 'an ordinary tag name', message: 'This tag name is refused: it would alter object prototypes.' }));
    },
    check: (spec, ctx) => {
      const entries = Object.entries(spec.tags);
      const found: RuleHit[] = [];
      if (entries.length > TAG_LIMITS.count) found.push({ path: ctx.name('tags'), value: `${entries.length} tags`, allowed: `at most ${TAG_LIMITS.count} tags`, message: 'Too many tags.' });
      for (const [k, v] of entries) {
        if (k.length === 0 || k.length > TAG_LIMITS.name || /[<>%&\\?/]/.test(k)) found.push({ path: ctx.name(`tags.${k}`), value: k, allowed: `1-${TAG_LIMITS.name} characters without < > % & \\ ? /`, message: 'The tag name is not valid.' });
        if (isConcrete(v) && v.length > TAG_LIMITS.value) found.push({ path: ctx.name(`tags.${k}`), value: v, allowed: `at most ${TAG_LIMITS.value} characters`, message: 'The tag value is too long.' });
      }
      return found;
    },
    examples: {
      fail: [{ props: { tags: { 'cost/center': 'x' } } }, { props: { tags: { owner: 'x'.repeat(257) } } }],
      pass: [{ props: { tags: { 'cost-center': '42', owner: 'platform' } } }],
    },
  },
  {
    id: 'HUB307',
    title: 'OS disk size out of range',
    severity: 'error',
    source: 'managedClusters 2020-11-01: osDiskSizeGB 0-1023; Hub managed disks are at most 1023 GB',
    why: 'The node VMs cannot be created with a larger OS disk on Hub.',
    fix: 'Set {nodePool.osDiskSizeGb} between 30 and 1023 (0 lets Azure choose).',
    suppressible: false,
    check: (spec, ctx) => {
      const gb = spec.nodePool.osDiskSizeGb;
      return isConcrete(gb) && (gb < 0 || gb > MAX_OS_DISK_GB)
        ? [{ path: ctx.name('nodePool.osDiskSizeGb'), value: gb, allowed: `from 0 to ${MAX_OS_DISK_GB}`, message: 'The OS disk size is out of range.' }]
        : [];
    },
    examples: { fail: [{ props: { nodePool: { osDiskSizeGb: 2048 } } }, { props: { nodePool: { osDiskSizeGb: -1 } } }], pass: [{ props: { nodePool: { osDiskSizeGb: 1023 } } }] },
  },
];
