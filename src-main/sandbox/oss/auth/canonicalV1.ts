import type { IncomingMessage } from 'node:http';
import { headerValue } from '../header.ts';
import type { OssRoute } from '../route.ts';

/** Union of the sub-resource lists in the official SDKs (reference §1); x-oss-* params are signed too. */
const SIGNED_SUBRESOURCES = new Set(
  `acl bucketInfo location stat delete append tagging objectMeta uploads uploadId partNumber security-token position
response-content-type response-content-language response-expires response-cache-control response-content-disposition
response-content-encoding restore callback callback-var versions versioning versionId sequential continuation-token
regionList cloudboxes symlink logging group link website objectInfo cors lifecycle qos referer live comp status vod
startTime endTime encryption policy requestPayment qosInfo asyncFetch inventory inventoryId worm wormId wormExtend
replication replicationLocation replicationProgress transferAcceleration cname metaQuery resourceGroup style styleName
bucketArchiveDirectRead httpsConfig redundancyTransition accessPoint accessPointPolicy publicAccessBlock
requesterQosInfo qosRequester resourcePoolInfo resourcePool resourcePoolBuckets img`.split(/\s+/),
);

export function isSignedSubresource(name: string): boolean {
  return SIGNED_SUBRESOURCES.has(name) || name.startsWith('x-oss-');
}

export function canonicalResource(route: OssRoute, exclude: ReadonlySet<string> = new Set()): string {
  let resource = '/';
  if (route.bucket !== undefined) resource += `${route.bucket}/${route.key ?? ''}`;
  const signed = [...route.query.entries()]
    .filter(([k]) => isSignedSubresource(k) && !exclude.has(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => (v === '' ? k : `${k}=${v}`));
  return signed.length ? `${resource}?${signed.join('&')}` : resource;
}


export function canonicalOssHeaders(req: IncomingMessage): string {
  return Object.keys(req.headers)
    .filter((k) => k.startsWith('x-oss-'))
    .sort()
    .map((k) => `${k}:${(headerValue(req, k) ?? '').trim()}\n`)
    .join('');
}

/** VERB \n Content-MD5 \n Content-Type \n Date-or-Expires \n CanonicalizedOSSHeaders CanonicalizedResource */
export function stringToSignV1(req: IncomingMessage, route: OssRoute, dateLine: string, exclude?: ReadonlySet<string>): string {
  return [
    (req.method ?? 'GET').toUpperCase(),
    headerValue(req, 'content-md5') ?? '',
    headerValue(req, 'content-type') ?? '',
    dateLine,
    canonicalOssHeaders(req) + canonicalResource(route, exclude),
  ].join('\n');
}
