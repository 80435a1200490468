import { isIP } from 'node:net';

/*
 * Which IP addresses a server-side fetch of a user-supplied URL may reach. Everything that is not
 * ordinary public unicast is refused: loopback, private, link-local, CGNAT, "this network",
 * multicast, reserved and documentation ranges, unique-local IPv6, and cloud metadata endpoints.
 * IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that address.
 */

interface V4Range {
  base: number;
  bits: number;
  reason: string;
}

function v4(text: string): number {
  const parts = text.split('.').map(Number);
  return (((parts[0] ?? 0) << 24) | ((parts[1] ?? 0) << 16) | ((parts[2] ?? 0) << 8) | (parts[3] ?? 0)) >>> 0;
}

const V4_BLOCKED: V4Range[] = [
  { base: v4('169.254.169.254'), bits: 32, reason: 'a cloud metadata endpoint' },
  { base: v4('0.0.0.0'), bits: 8, reason: '"this network" (0.0.0.0/8)' },
  { base: v4('10.0.0.0'), bits: 8, reason: 'a private network (10.0.0.0/8)' },
  { base: v4('100.64.0.0'), bits: 10, reason: 'carrier-grade NAT (100.64.0.0/10)' },
  { base: v4('127.0.0.0'), bits: 8, reason: 'loopback (127.0.0.0/8)' },
  { base: v4('169.254.0.0'), bits: 16, reason: 'link-local (169.254.0.0/16)' },
  { base: v4('172.16.0.0'), bits: 12, reason: 'a private network (172.16.0.0/12)' },
  { base: v4('192.0.0.0'), bits: 24, reason: 'IETF protocol assignments (192.0.0.0/24)' },
  { base: v4('192.0.2.0'), bits: 24, reason: 'documentation (192.0.2.0/24)' },
  { base: v4('192.88.99.0'), bits: 24, reason: '6to4 relay anycast (192.88.99.0/24)' },
  { base: v4('192.168.0.0'), bits: 16, reason: 'a private network (192.168.0.0/16)' },
  { base: v4('198.18.0.0'), bits: 15, reason: 'benchmarking (198.18.0.0/15)' },
  { base: v4('198.51.100.0'), bits: 24, reason: 'documentation (198.51.100.0/24)' },
  { base: v4('203.0.113.0'), bits: 24, reason: 'documentation (203.0.113.0/24)' },
  { base: v4('224.0.0.0'), bits: 4, reason: 'multicast (224.0.0.0/4)' },
  { base: v4('240.0.0.0'), bits: 4, reason: 'reserved (240.0.0.0/4)' },
];

function inV4Range(address: number, range: V4Range): boolean {
  if (range.bits === 0) return true;
  const mask = range.bits === 32 ? 0xffffffff : (~0 << (32 - range.bits)) >>> 0;
  return ((address & mask) >>> 0) === ((range.base & mask) >>> 0);
}

function blockedV4Reason(address: number): string | null {
  return V4_BLOCKED.find((range) => inV4Range(address, range))?.reason ?? null;
}

/** Parses an IPv6 address (with optional zone and embedded IPv4 tail) into eight 16-bit groups. */
export function parseIPv6(text: string): number[] | null {
  let address = text.replace(/^\[|\]$/g, '').split('%')[0] ?? '';
  if (isIP(address) !== 6) return null;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted?.[1]) {
    const n = v4(dotted[1]);
    address = `${address.slice(0, dotted.index)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [left = '', right] = address.split('::');
  const toGroups = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const leftGroups = toGroups(left);
  const rightGroups = right === undefined ? [] : toGroups(right);
  const fill = 8 - leftGroups.length - rightGroups.length;
  if (fill < 0 || (right === undefined && fill !== 0)) return null;
  return [...leftGroups, ...new Array<number>(fill).fill(0), ...rightGroups];
}

function groupsV4(groups: number[], at: number): number {
  return (((groups[at] ?? 0) << 16) | (groups[at + 1] ?? 0)) >>> 0;
}

function blockedV6Reason(groups: number[]): string | null {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const upperZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (upperZero && g5 === 0 && g6 === 0 && g7 === 0) return 'the unspecified address (::)';
  if (upperZero && g5 === 0 && g6 === 0 && g7 === 1) return 'loopback (::1)';
  if (upperZero && g5 === 0xffff) return embedded('IPv4-mapped', groupsV4(groups, 6));
  if (upperZero && g5 === 0) return embedded('IPv4-compatible', groupsV4(groups, 6));
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return embedded('NAT64', groupsV4(groups, 6));
  if (g0 === 0x2002) return embedded('6to4', groupsV4(groups, 1));
  if (g0 === 0xfd00 && g1 === 0x0ec2 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0 && g6 === 0 && g7 === 0x254) {
    return 'a cloud metadata endpoint';
  }
  if ((g0 & 0xfe00) === 0xfc00) return 'unique-local (fc00::/7)';
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local (fe80::/10)';
  if ((g0 & 0xffc0) === 0xfec0) return 'site-local (fec0::/10)';
  if ((g0 & 0xff00) === 0xff00) return 'multicast (ff00::/8)';
  if (g0 === 0x2001 && g1 === 0x0db8) return 'documentation (2001:db8::/32)';
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return 'discard-only (100::/64)';
  if (g0 === 0x2001 && g1 < 0x0200) return 'IETF protocol assignments (2001::/23)';
  if (g0 < 0x2000 || g0 > 0x3fff) return 'reserved IPv6 space (outside 2000::/3)';
  return null;
}

function embedded(kind: string, address: number): string | null {
  const reason = blockedV4Reason(address);
  return reason ? `${kind} IPv6 form of ${reason}` : null;
}

/** Returns why an IP address must not be fetched, or null when it is public unicast. */
export function blockedAddressReason(ip: string): string | null {
  const family = isIP(ip.replace(/^\[|\]$/g, '').split('%')[0] ?? '');
  if (family === 4) return blockedV4Reason(v4(ip));
  if (family === 6) {
    const groups = parseIPv6(ip);
    return groups ? blockedV6Reason(groups) : 'an unparseable IPv6 address';
  }
  return 'not an IP address';
}

const BLOCKED_HOSTNAMES = new Map<string, string>([
  ['localhost', 'loopback (localhost)'],
  ['metadata.google.internal', 'a cloud metadata endpoint'],
  ['metadata.goog', 'a cloud metadata endpoint'],
  ['metadata', 'a cloud metadata endpoint'],
  ['instance-data', 'a cloud metadata endpoint'],
]);

/** Refuses host names that are internal by definition, before any DNS lookup. */
export function blockedHostnameReason(hostname: string): string | null {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (BLOCKED_HOSTNAMES.has(name)) return BLOCKED_HOSTNAMES.get(name) ?? null;
  if (name.endsWith('.localhost')) return 'loopback (*.localhost)';
  if (name.endsWith('.internal') || name.endsWith('.local')) return `an internal name (${name})`;
  return null;
}
