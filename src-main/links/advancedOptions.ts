import { isIPv4, isIPv6 } from 'node:net';
import { FerryError } from '../errors/ferryError.ts';

export interface SourceRestriction {
  ip: string;
  /** Prefix length ("number of 1 bits in the mask", as the OSS docs put it). */
  maskBits: number;
}

/** "203.0.113.7" → /32; "203.0.113.0/24" → ip + 24; IPv6 likewise with up to 128 bits. */
export function parseCidr(text: string): SourceRestriction {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const ip = slash < 0 ? trimmed : trimmed.slice(0, slash);
  const max = isIPv4(ip) ? 32 : isIPv6(ip) ? 128 : 0;
  const bitsText = slash < 0 ? String(max) : trimmed.slice(slash + 1);
  const maskBits = Number(bitsText);
  if (max === 0 || !/^\d{1,3}$/.test(bitsText) || maskBits < 1 || maskBits > max) {
    throw new FerryError('links.badSourceIp', { value: trimmed.slice(0, 64) });
  }
  return { ip, maskBits };
}

export const MIN_LIMIT_KBPS = 100;
export const MAX_LIMIT_KBPS = 100 * 1024;

/** OSS takes x-oss-traffic-limit in bits per second (819200 … 838860800 = 100 KB/s … 100 MB/s). */
export function trafficLimitBits(kBps: number): number {
  if (!Number.isInteger(kBps) || kBps < MIN_LIMIT_KBPS || kBps > MAX_LIMIT_KBPS) {
    throw new FerryError('links.badLimit', { value: kBps, min: MIN_LIMIT_KBPS, max: MAX_LIMIT_KBPS });
  }
  return kBps * 1024 * 8;
}
