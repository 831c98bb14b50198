import * as path from 'node:path';

/** How serious a finding is: errors stop synthesis, warnings are reported. */
export type Severity = 'error' | 'warning';

/** One broken rule: which rule, where, the bad value, what is allowed, and how to fix it. */
export interface Violation {
  /** The rule's stable id, `HUB` plus three digits. */
  readonly ruleId: string;
  /** `error` stops synthesis; `warning` is reported and synthesis goes on. */
  readonly severity: Severity;
  /** Where the bad value is: a property path such as `network.loadBalancerSku`, or a resource address. */
  readonly path: string;
  /** The bad value, rendered for people; secrets are masked. */
  readonly value: string;
  /** What the path allows. */
  readonly allowed: string;
  /** What is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}

/** One line of a report, starting with the rule id. */
export function formatViolation(v: Violation): string {
  return `${v.ruleId} ${v.path}: ${v.message} Got ${v.value}; allowed: ${v.allowed}. Fix: ${v.fix}`;
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
 * Thrown at construction when props break one or more Hub rules. It carries every violation,
 * not just the first; its message lists them one a line, each starting with the rule id.
 */
export class HubValidationError extends Error {
  /** Every violation found, in a stable order. */
  declare public readonly violations: readonly Violation[];

  constructor(subject: string, violations: readonly Violation[]) {
    const lines = violations.map(formatViolation);
    super(`${subject} breaks ${violations.length} Azure Stack Hub rule${violations.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.name = 'HubValidationError';
    // Not enumerable: Node prints an uncaught error's own enumerable fields after its stack, which
    // would list every violation a second time.
    Object.defineProperty(this, 'violations', { value: Object.freeze([...violations]), enumerable: false });
    this.stack = userFrames(this.stack ?? `${this.name}: ${this.message}`);
  }

  /** The distinct rule ids, sorted. */
  get ruleIds(): string[] {
    return [...new Set(this.violations.map((v) => v.ruleId))].sort();
  }
}

/** Renders a value for a message: strings quoted, long strings cut, objects as compact JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(not set)';
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** What a masked secret looks like in a message. */
export const MASKED = '"****" (secret, masked)';
