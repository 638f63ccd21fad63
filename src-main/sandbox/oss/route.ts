import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

export interface QueryParam {
  key: string;
  value: string;
  /** Whether the raw query had `=` (V4 canonical forms differ between SDKs on empty values). */
  hasValue: boolean;
}

export interface OssRoute {
  bucket: string | undefined;
  key: string | undefined;
  /** All params in request order (duplicates kept). */
  params: QueryParam[];
  /** First occurrence of each param, as OSS reads them. */
  query: Map<string, string>;
}

const decodeQuery = (s: string): string => decodeURIComponent(s.replace(/\+/g, ' '));

export function parseQuery(raw: string): QueryParam[] {
  if (!raw) return [];
  return raw
    .split('&')
    .filter((part) => part.length > 0)
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0
        ? { key: decodeQuery(part), value: '', hasValue: false }
        : { key: decodeQuery(part.slice(0, eq)), value: decodeQuery(part.slice(eq + 1)), hasValue: true };
    });
}

/**
 * Splits `/<bucket>/<key>` (path style, what ali-oss sends with `sldEnable`). A request whose Host
 * names a bucket (`bucket.oss-cn-hangzhou.aliyuncs.com`) and whose path does not start with that
 * bucket is read virtual-hosted style instead.
 */
export function parseRoute(req: IncomingMessage): OssRoute {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const rawPath = q < 0 ? url : url.slice(0, q);
  const params = parseQuery(q < 0 ? '' : url.slice(q + 1));
  const query = new Map<string, string>();
  for (const p of params) if (!query.has(p.key)) query.set(p.key, p.value);

  const path = decodeURIComponent(rawPath);
  const hostBucket = bucketFromHost(req.headers.host);
  const trimmed = path.replace(/^\//, '');
  const slash = trimmed.indexOf('/');
  const first = slash < 0 ? trimmed : trimmed.slice(0, slash);
  if (hostBucket && first !== hostBucket) {
    return { bucket: hostBucket, key: trimmed === '' ? undefined : trimmed, params, query };
  }
  if (trimmed === '') return { bucket: undefined, key: undefined, params, query };
  const key = slash < 0 ? '' : trimmed.slice(slash + 1);
  return { bucket: first, key: key === '' ? undefined : key, params, query };
}

function bucketFromHost(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const hostname = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  if (isIP(hostname) || hostname === 'localhost' || !hostname.includes('.')) return undefined;
  const label = hostname.split('.')[0]!;
  const rest = hostname.slice(label.length + 1);
  return rest.startsWith('oss-') ? label : undefined;
}
