import { describe, expect, it } from 'vitest';
import { cidrContains, cidrOverlaps, ipText, parseCidr, parseIp } from '../lib/model/cidr';

// The IPv4 range arithmetic every network rule counts with, case by case at its edges.

const cidr = (text: string) => {
  const c = parseCidr(text);
  if (!c) throw new Error(`${text} did not parse`);
  return c;
};

describe('parseIp', () => {
  it('reads four decimal octets as one number', () => {
    expect(parseIp('0.0.0.0')).toBe(0n);
    expect(parseIp('0.0.0.1')).toBe(1n);
    expect(parseIp('0.0.1.0')).toBe(256n);
    expect(parseIp('0.1.0.0')).toBe(65536n);
    expect(parseIp('1.0.0.0')).toBe(16777216n);
    expect(parseIp('10.240.15.240')).toBe(10n * 16777216n + 240n * 65536n + 15n * 256n + 240n);
    expect(parseIp('255.255.255.255')).toBe(4294967295n);
  });

  it('refuses what is not exactly four octets of 0 to 255 without leading zeros', () => {
    for (const bad of ['', '1', '1.2.3', '1.2.3.4.5', '1.2.3.256', '256.0.0.0', '01.2.3.4', '1.2.3.04', '00.0.0.0', '1.2.3.-1', '1.2.3.a', '1..3.4', ' 1.2.3.4', '1.2.3.4 ', '1.2.3.1000', '+1.2.3.4', '1.2.3.4/8']) {
      expect(parseIp(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it('takes a single 0 and three-digit octets', () => {
    expect(parseIp('0.10.100.200')).toBe(10n * 65536n + 100n * 256n + 200n);
    expect(parseIp('199.255.0.9')).toBeDefined();
  });
});

describe('ipText', () => {
  it('writes a number as four octets, each masked to its byte', () => {
    expect(ipText(0n)).toBe('0.0.0.0');
    expect(ipText(1n)).toBe('0.0.0.1');
    expect(ipText(256n)).toBe('0.0.1.0');
    expect(ipText(65536n)).toBe('0.1.0.0');
    expect(ipText(16777216n)).toBe('1.0.0.0');
    expect(ipText(4294967295n)).toBe('255.255.255.255');
    expect(ipText(parseIp('10.240.15.240')!)).toBe('10.240.15.240');
    expect(ipText(parseIp('172.17.0.1')!)).toBe('172.17.0.1');
  });
});

describe('parseCidr', () => {
  it('gives the first and last address, the size and the canonical form', () => {
    expect(cidr('10.240.0.0/20')).toEqual({ text: '10.240.0.0/20', prefix: 20, first: parseIp('10.240.0.0'), last: parseIp('10.240.15.255'), size: 4096n, canonical: '10.240.0.0/20' });
  });

  it('canonicalizes a range written with host bits: HUB200 suggests that form', () => {
    expect(cidr('10.240.0.5/20').canonical).toBe('10.240.0.0/20');
    expect(cidr('10.240.17.5/20')).toMatchObject({ first: parseIp('10.240.16.0'), last: parseIp('10.240.31.255'), canonical: '10.240.16.0/20' });
    expect(cidr('172.17.0.1/16')).toMatchObject({ canonical: '172.17.0.0/16', size: 65536n });
    expect(cidr('10.0.0.10/32').canonical).toBe('10.0.0.10/32');
  });

  it('takes every prefix from /0 to /32, /32 being one address', () => {
    expect(cidr('0.0.0.0/0')).toMatchObject({ size: 4294967296n, first: 0n, last: 4294967295n, canonical: '0.0.0.0/0' });
    expect(cidr('10.1.2.3/32')).toMatchObject({ size: 1n, first: parseIp('10.1.2.3'), last: parseIp('10.1.2.3') });
    expect(cidr('10.1.2.3/31')).toMatchObject({ size: 2n, first: parseIp('10.1.2.2'), last: parseIp('10.1.2.3') });
    expect(cidr('10.1.2.3/1')).toMatchObject({ size: 2147483648n, first: 0n, canonical: '0.0.0.0/1' });
  });

  it('refuses a prefix over 32, a missing prefix, and anything that is not a range', () => {
    for (const bad of ['10.0.0.0/33', '10.0.0.0/99', '10.0.0.0', '10.0.0.0/', '10.0.0.0/-1', '10.0.0.0/123', '/16', '10.0.0/16', '01.0.0.0/16', '10.0.0.256/16', 'x10.0.0.0/16', '10.0.0.0/16x', '10.0.0.0/1.5', 'fd00::/8', '10.0.0.0/016x']) {
      expect(parseCidr(bad), bad).toBeUndefined();
    }
  });

  it('gives the same object for the same text, and a frozen one', () => {
    expect(parseCidr('10.9.0.0/16')).toBe(parseCidr('10.9.0.0/16'));
    expect(Object.isFrozen(parseCidr('10.9.0.0/16'))).toBe(true);
    expect(parseCidr('10.9.0.0/33')).toBe(parseCidr('10.9.0.0/33'));
  });

  it('keeps parsing correctly after its cache is emptied', () => {
    for (let i = 0; i < 10_050; i++) parseCidr(`10.${(i >> 8) & 255}.${i & 255}.0/24`);
    expect(cidr('10.0.0.7/24').canonical).toBe('10.0.0.0/24');
    expect(parseCidr('10.0.0.0/40')).toBeUndefined();
  });
});

describe('cidrContains', () => {
  // Parsed inside each test: a parse that throws at collection would hide every test of the file.
  it('holds a range wholly inside, edges included', () => {
    const vnet = cidr('10.240.0.0/16');
    expect(cidrContains(vnet, cidr('10.240.0.0/20'))).toBe(true);
    expect(cidrContains(vnet, cidr('10.240.255.0/24'))).toBe(true);
    expect(cidrContains(vnet, cidr('10.240.0.0/16'))).toBe(true);
    expect(cidrContains(vnet, cidr('10.240.255.255/32'))).toBe(true);
    expect(cidrContains(vnet, cidr('10.240.0.0/32'))).toBe(true);
  });

  it('refuses a range that starts below, ends above, or is larger', () => {
    const vnet = cidr('10.240.0.0/16');
    expect(cidrContains(vnet, cidr('10.239.255.255/32'))).toBe(false);
    expect(cidrContains(vnet, cidr('10.241.0.0/32'))).toBe(false);
    expect(cidrContains(vnet, cidr('10.240.0.0/15'))).toBe(false);
    expect(cidrContains(cidr('10.240.128.0/17'), cidr('10.240.0.0/16'))).toBe(false);
    expect(cidrContains(cidr('10.240.0.0/17'), cidr('10.240.0.0/16'))).toBe(false);
  });
});

describe('cidrOverlaps', () => {
  it('is true when the ranges share one address or more, in either order', () => {
    const a = cidr('10.0.0.0/24');
    expect(cidrOverlaps(a, cidr('10.0.0.255/32'))).toBe(true);
    expect(cidrOverlaps(cidr('10.0.0.255/32'), a)).toBe(true);
    expect(cidrOverlaps(a, cidr('10.0.0.0/32'))).toBe(true);
    expect(cidrOverlaps(cidr('10.0.0.0/32'), a)).toBe(true);
    expect(cidrOverlaps(a, cidr('10.0.0.0/16'))).toBe(true);
    expect(cidrOverlaps(a, a)).toBe(true);
  });

  it('is false for ranges side by side', () => {
    const a = cidr('10.0.0.0/24');
    expect(cidrOverlaps(a, cidr('10.0.1.0/24'))).toBe(false);
    expect(cidrOverlaps(cidr('10.0.1.0/24'), a)).toBe(false);
    expect(cidrOverlaps(a, cidr('9.255.255.255/32'))).toBe(false);
    expect(cidrOverlaps(cidr('9.255.255.255/32'), a)).toBe(false);
  });
});
