import { describe, expect, it } from 'vitest';
import { blockedAddressReason, blockedHostnameReason, parseIPv6 } from './ip-policy.ts';

describe('blockedAddressReason', () => {
  it.each([
    ['127.0.0.1', /loopback/],
    ['127.255.0.9', /loopback/],
    ['10.0.0.1', /private/],
    ['172.16.0.1', /private/],
    ['172.31.255.255', /private/],
    ['192.168.1.1', /private/],
    ['169.254.169.254', /metadata/],
    ['169.254.1.1', /link-local/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['100.100.100.200', /carrier-grade NAT/],
    ['0.0.0.0', /this network/],
    ['224.0.0.1', /multicast/],
    ['255.255.255.255', /reserved/],
    ['::', /unspecified/],
    ['::1', /loopback/],
    ['[::1]', /loopback/],
    ['::ffff:127.0.0.1', /IPv4-mapped IPv6 form of loopback/],
    ['::ffff:7f00:1', /IPv4-mapped IPv6 form of loopback/],
    ['::ffff:10.1.2.3', /IPv4-mapped IPv6 form of a private network/],
    ['::ffff:a9fe:a9fe', /IPv4-mapped IPv6 form of a cloud metadata endpoint/],
    ['64:ff9b::7f00:1', /NAT64 IPv6 form of loopback/],
    ['2002:c0a8:0101::1', /6to4 IPv6 form of a private network/],
    ['fd00:ec2::254', /metadata/],
    ['fc00::1', /unique-local/],
    ['fd12:3456::1', /unique-local/],
    ['fe80::1', /link-local/],
    ['fe80::1%eth0', /link-local/],
    ['ff02::1', /multicast/],
    ['2001:db8::1', /documentation/],
  ])('refuses %s', (ip, reason) => {
    expect(blockedAddressReason(ip)).toMatch(reason);
  });

  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e'])(
    'allows public %s',
    (ip) => {
      expect(blockedAddressReason(ip)).toBeNull();
    },
  );

  it('parses IPv6 with an embedded IPv4 tail and compressed groups', () => {
    expect(parseIPv6('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
    expect(parseIPv6('2001:db8::8:800:200c:417a')).toEqual([0x2001, 0xdb8, 0, 0, 8, 0x800, 0x200c, 0x417a]);
    expect(parseIPv6('1.2.3.4')).toBeNull();
  });
});

describe('blockedHostnameReason', () => {
  it('refuses internal names before any lookup', () => {
    expect(blockedHostnameReason('localhost')).toMatch(/loopback/);
    expect(blockedHostnameReason('LOCALHOST.')).toMatch(/loopback/);
    expect(blockedHostnameReason('api.localhost')).toMatch(/loopback/);
    expect(blockedHostnameReason('metadata.google.internal')).toMatch(/metadata/);
    expect(blockedHostnameReason('printer.local')).toMatch(/internal/);
    expect(blockedHostnameReason('example.com')).toBeNull();
  });
});
