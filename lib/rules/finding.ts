import * as path from 'node:path';
import type { FindingLocation } from '../import/cluster-input';
import type { RuleHit, RuleInfo } from './rule';

/** How serious a finding is: errors stop synthesis, warnings are reported. */
export type Severity = 'error' | 'warning';

/**
 * One broken rule, the same object from the rule to every output: annotations, `HubValidationError`,
 * `aks-hub check` (text, JSON, SARIF) and the testing helpers.
 */
export interface Finding {
  /** The rule's stable id, `HUB` plus three digits. */
  readonly ruleId: string;
  /** `error` stops synthesis; `warning` is reported and synthesis goes on. */
  readonly severity: Severity;
  /** The rule's title. */
  readonly title: string;
  /**
   * Where the bad value is, in the words of the input: a prop path (`network.loadBalancerSku`), a
   * Terraform attribute (`network_profile.load_balancer_sku`) or an ARM property path.
   */
  readonly path: string;
  /** The bad value, rendered for people; secrets are masked. */
  readonly value: string;
  /** What the path allows. */
  readonly allowed: string;
  /** What is wrong. */
  readonly message: string;
  /** How to fix it, naming what the user wrote. */
  readonly fix: string;
  /** The file, resource address or construct, when known. */
  readonly location?: FindingLocation;
}

/** What a masked secret looks like in a message. */
export const MASKED = '"****" (secret, masked)';

/** Keys whose values are secrets, wherever they appear: props, Terraform attributes, ARM properties. */
const SECRET_KEY = /secret|password|passwd|credential|private_?key|token|certificate_?data/i;
/**
 * Keys that name a secret but hold something else: a switch, a period, a name, a version or a
 * reference (`secret_rotation_enabled`, `secretName`, `keyvaultSecretRef`).
 */
const ABOUT_A_SECRET = /(enabled|interval|name|version|ref|reference|_?id|expiry|expiration|file|path|type)$/i;

/** Whether a key holds a secret itself. */
const isSecretKey = (key: string): boolean => SECRET_KEY.test(key) && !ABOUT_A_SECRET.test(key);

/** Whether the last key of a dotted path names a secret. */
export function isSecretPath(p: string): boolean {
  return isSecretKey(p.split('.').at(-1) ?? '');
}

/**
 * A switch under a secret's key is not the secret, and a block (`key_vault_secrets_provider`) is
 * shown with the secrets inside it masked; text or a number may be one (a password typed
 * without quotes).
 */
const mayBeSecret = (value: unknown): boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || (Array.isArray(value) && value.some(mayBeSecret));

/** A copy of a value with every property under a secret-looking key masked. */
function masked(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => masked(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSecretKey(k) && mayBeSecret(v) ? '****' : masked(v, depth + 1)]));
}

/** Renders a value for a message: strings quoted, long strings cut, objects as compact JSON with secrets masked. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(not set)';
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  else if (typeof value === 'bigint') text = `${value}n`;
  else if (typeof value === 'symbol' || typeof value === 'function') text = `(${typeof value})`;
  else {
    try {
      text = JSON.stringify(masked(value), (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** Writes `{field}` placeholders of a rule's text in the words of the input. */
export function inWordsOf(text: string, name: (field: string) => string): string {
  return text.replace(/\{([A-Za-z.]+)\}/g, (_, field: string) => name(field));
}

/** A rule's hit as a finding: the rule's id, severity and fix, the value shown (or masked). */
export function findingOf(rule: RuleInfo, hit: RuleHit, name: (field: string) => string = (f) => f, location?: FindingLocation): Finding {
  const shown = hit.change ? [hit.change.before, hit.change.after] : [hit.value];
  const secret = hit.secret === true || (isSecretPath(hit.path) && shown.some(mayBeSecret));
  return {
    ruleId: rule.id,
    severity: rule.severity,
    title: rule.title,
    path: hit.path,
    value: hit.change
      ? `${secret ? MASKED : showValue(hit.change.before)} → ${secret ? MASKED : showValue(hit.change.after)}`
      : secret && hit.value !== undefined
        ? MASKED
        : showValue(hit.value),
    allowed: hit.allowed,
    message: hit.message,
    fix: inWordsOf(hit.fix ?? rule.fix, name),
    ...(location && Object.keys(location).length > 0 && { location }),
  };
}

/** Where a finding is: the resource address, if any, and the path inside it. */
export function findingWhere(f: Finding): string {
  const address = f.location?.address;
  return !address ? f.path : f.path === '(resource)' ? address : `${address}.${f.path}`;
}

/** One line of a report, starting with the rule id. */
export function formatFinding(f: Finding): string {
  return `${f.ruleId} ${findingWhere(f)}: ${f.message} Got ${f.value}; allowed: ${f.allowed}. Fix: ${f.fix}`;
}

/** Where frames that are not the user's come from: this library's lib/ or dist/ folder, dependencies, Node. */
const OWN_CODE = [path.join(__dirname, '..'), `${path.sep}node_modules${path.sep}`, '(node:'];

/** A stack without the frames of this library, Node and dependencies: what is left points at the user's code. */
function userFrames(stack: string): string {
  const lines = stack.split('\n');
  const frames = lines.filter((l) => /^\s+at /.test(l));
  const mine = frames.filter((l) => !OWN_CODE.some((o) => l.includes(o)));
  return [...lines.filter((l) => !/^\s+at /.test(l)), ...(mine.length > 0 ? mine : frames.slice(0, 1))].join('\n');
}

/**
 * Thrown at construction when props break one or more Hub rules. It carries every finding, not
 * just the first; its message lists them one a line, each starting with the rule id.
 */
export class HubValidationError extends Error {
  /** Every finding, in a stable order. */
  declare public readonly violations: readonly Finding[];

  constructor(subject: string, violations: readonly Finding[]) {
    const lines = violations.map(formatFinding);
    super(`${subject} breaks ${violations.length} Azure Stack Hub rule${violations.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.name = 'HubValidationError';
    // Not enumerable: Node prints an uncaught error's own enumerable fields after its stack, which
    // would list every finding a second time.
    Object.defineProperty(this, 'violations', { value: Object.freeze([...violations]), enumerable: false });
    this.stack = userFrames(this.stack ?? `${this.name}: ${this.message}`);
  }

  /** The distinct rule ids, sorted. */
  get ruleIds(): string[] {
    return [...new Set(this.violations.map((v) => v.ruleId))].sort();
  }
}
