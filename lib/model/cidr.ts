import { Address4 } from 'ip-address';

/** An IPv4 range. Hub networking is IPv4 only (`azure-stack-network-differences.md`). */
export interface Cidr {
  /** The text as given. */
  readonly text: string;
  /** Prefix length. */
  readonly prefix: number;
  /** First address, as a number. */
  readonly first: bigint;
  /** Last address, as a number. */
  readonly last: bigint;
  /** Number of addresses. */
  readonly size: bigint;
  /** The canonical form (`10.240.0.0/20` for `10.240.0.5/20`). */
  readonly canonical: string;
}

// The same few ranges are parsed by several rules for every cluster; parsing is not cheap.
const parsed = new Map<string, Cidr | undefined>();

/** Parses `a.b.c.d/n`; `undefined` when it is not an IPv4 CIDR with an explicit prefix. */
export function parseCidr(text: string): Cidr | undefined {
  if (!parsed.has(text)) {
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(text, parseCidrUncached(text));
  }
  return parsed.get(text);
}

function parseCidrUncached(text: string): Cidr | undefined {
  if (!/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(text) || !Address4.isValid(text)) return undefined;
  const a = new Address4(text);
  const first = a.startAddress();
  const last = a.endAddress();
  return Object.freeze({
    text,
    prefix: a.subnetMask,
    first: first.bigInt(),
    last: last.bigInt(),
    size: last.bigInt() - first.bigInt() + 1n,
    canonical: `${first.correctForm()}/${a.subnetMask}`,
  });
}

/** Parses a single IPv4 address; `undefined` when it is not one. */
export function parseIp(text: string): bigint | undefined {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(text) || !Address4.isValid(text)) return undefined;
  return new Address4(text).bigInt();
}

/** Whether `inner` lies wholly inside `outer`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return inner.first >= outer.first && inner.last <= outer.last;
}

/** Whether two ranges share any address. */
export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  return a.first <= b.last && b.first <= a.last;
}
