import { isIPv4 } from 'node:net';

/** `::ffff:1.2.3.4` → `1.2.3.4`, so IPv4 rules match IPv4 clients on dual-stack sockets. */
export function normalizeIp(ip: string): string {
  return ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
}

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => ((acc << 8) | Number(part)) >>> 0, 0);
}

/** True when `ip` lies in `range` (a plain address or an IPv4 CIDR like `10.0.0.0/8`). */
export function ipInRange(ip: string, range: string): boolean {
  const client = normalizeIp(ip);
  const [base = '', bitsText] = range.trim().split('/');
  if (!isIPv4(base) || !isIPv4(client)) return client === normalizeIp(base);
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return ((ipv4ToInt(client) & mask) >>> 0) === ((ipv4ToInt(base) & mask) >>> 0);
}

export function isValidIpRange(range: string): boolean {
  const [base = '', bits] = range.trim().split('/');
  if (!isIPv4(base)) return false;
  return bits === undefined || (/^\d{1,2}$/.test(bits) && Number(bits) <= 32);
}
