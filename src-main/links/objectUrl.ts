import { isIP } from 'node:net';
import { encodeKeyPath } from './encoding.ts';

/**
 * Where an object lives: virtual-hosted style (`https://bucket.oss-cn-hangzhou.aliyuncs.com/key`) on
 * Alibaba Cloud endpoints, path style (`http://127.0.0.1:9000/bucket/key`) for IP addresses, localhost
 * and other hosts — the same rule as the OSS client (oss/ossClient.ts usesPathStyle).
 */
export function objectBaseUrl(endpoint: string, bucket: string, key: string): string {
  const url = new URL(endpoint.includes('://') ? endpoint : `https://${endpoint}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const pathStyle = isIP(host) !== 0 || host === 'localhost' || !host.endsWith('.aliyuncs.com');
  const origin = pathStyle ? url.origin : `${url.protocol}//${bucket}.${url.host}`;
  return `${origin}/${pathStyle ? `${bucket}/` : ''}${encodeKeyPath(key)}`;
}
