import { isIP } from 'node:net';
import { encodeKeyPath } from './encoding.ts';

/**
 * Where an object lives: virtual-hosted style (`https://bucket.oss-cn-hangzhou.aliyuncs.com/key`) for a
 * normal endpoint, path style (`http://127.0.0.1:9000/bucket/key`) when the endpoint is an IP address or
 * localhost, as ali-oss and the sandbox do.
 */
export function objectBaseUrl(endpoint: string, bucket: string, key: string): string {
  const url = new URL(endpoint.includes('://') ? endpoint : `https://${endpoint}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const pathStyle = isIP(host) !== 0 || host === 'localhost';
  const origin = pathStyle ? url.origin : `${url.protocol}//${bucket}.${url.host}`;
  return `${origin}/${pathStyle ? `${bucket}/` : ''}${encodeKeyPath(key)}`;
}
