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
  const m = /^([\d.]+)\/(\d{1,2})$/.exec(text);
  const ip = m ? parseIp(m[1]!) : undefined;
  const prefix = m ? Number(m[2]) : Number.NaN;
  if (ip === undefined || !(prefix <= 32)) return undefined;
  const size = 1n << BigInt(32 - prefix);
  const first = ip - (ip % size);
  return Object.freeze({ text, prefix, first, last: first + size - 1n, size, canonical: `${ipText(first)}/${prefix}` });
}

/** Parses a single IPv4 address, four decimal octets without leading zeros; `undefined` when it is not one. */
export function parseIp(text: string): bigint | undefined {
  const octets = text.split('.');
  if (octets.length !== 4 || !octets.every((o) => /^(0|[1-9]\d{0,2})$/.test(o) && Number(o) <= 255)) return undefined;
  return octets.reduce((n, o) => n * 256n + BigInt(o), 0n);
}

/** `167772160n` → `10.0.0.0`. */
export function ipText(n: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((n >> shift) & 255n)).join('.');
}

/** Whether `inner` lies wholly inside `outer`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return inner.first >= outer.first && inner.last <= outer.last;
}

/** Whether two ranges share any address. */
export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  return a.first <= b.last && b.first <= a.last;
}
