import { BlockList, isIP, isIPv4 } from 'node:net';
import { BoundedCache } from '../boundedCache.ts';

/** `::ffff:1.2.3.4` → `1.2.3.4`, so IPv4 rules match IPv4 clients on dual-stack sockets. */
export function normalizeIp(ip: string): string {
  return ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
}

const familyOf = (ip: string): 'ipv4' | 'ipv6' | undefined => (isIP(ip) === 4 ? 'ipv4' : isIP(ip) === 6 ? 'ipv6' : undefined);

/** `range` as a BlockList (node:net), or undefined when it is no address or CIDR block. */
function blockOf(range: string): BlockList | undefined {
  const [rawBase = '', bitsText, extra] = range.trim().split('/');
  const base = normalizeIp(rawBase);
  const family = familyOf(base);
  if (!family || extra !== undefined) return undefined;
  const max = family === 'ipv4' ? 32 : 128;
  const bits = bitsText === undefined ? max : /^\d{1,3}$/.test(bitsText) ? Number(bitsText) : NaN;
  if (!Number.isInteger(bits) || bits < 0 || bits > max) return undefined;
  const list = new BlockList();
  list.addSubnet(base, bits, family);
  return list;
}

const blocks = new BoundedCache<string, BlockList | null>(1024);

/** True when `ip` lies in `range`: an IPv4 or IPv6 address or CIDR block (`10.0.0.0/8`, `2001:db8::/32`). */
export function ipInRange(ip: string, range: string): boolean {
  const client = normalizeIp(ip);
  const family = familyOf(client);
  if (!family) return false;
  let block = blocks.get(range);
  if (block === undefined) block = blocks.set(range, blockOf(range) ?? null);
  return block !== null && block.check(client, family);
}

export function isValidIpRange(range: string): boolean {
  return blockOf(range) !== undefined;
}
