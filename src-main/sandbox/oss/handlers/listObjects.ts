import type { ObjectMeta } from '../../storage/objectFile.ts';
import { isoMillis } from '../auth/skew.ts';
import { ossErrors } from '../ossError.ts';
import { sendXml } from '../respond.ts';
import type { OssHandler, OssScope } from '../scope.ts';
import type { XmlNode } from '../xml.ts';

export interface ListPage {
  contents: ObjectMeta[];
  prefixes: string[];
  truncated: boolean;
  /** Last key or common prefix returned (the next marker when truncated). */
  last: string | undefined;
}

/** First index whose key is > marker (or >= when `inclusive`), in byte order. */
function firstIndexAfter(keys: string[], marker: string, inclusive = false): number {
  const m = Buffer.from(marker);
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = Buffer.compare(Buffer.from(keys[mid]!), m);
    if (c < 0 || (c === 0 && !inclusive)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The listing walk shared by ListObjects and ListObjectsV2. */
export function listPage(scope: OssScope, prefix: string, delimiter: string, after: string, maxKeys: number): ListPage {
  const keys = scope.ctx.objects.sortedKeys(scope.bucket);
  const page: ListPage = { contents: [], prefixes: [], truncated: false, last: undefined };
  let i = Math.max(firstIndexAfter(keys, after), firstIndexAfter(keys, prefix, true));
  while (i < keys.length) {
    const key = keys[i]!;
    if (!key.startsWith(prefix)) break;
    if (page.contents.length + page.prefixes.length >= maxKeys) {
      page.truncated = true;
      break;
    }
    const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    if (cut >= 0) {
      const common = key.slice(0, cut + delimiter.length);
      page.prefixes.push(common);
      page.last = common;
      i = firstIndexAfter(keys, common + '\u{10FFFF}');
      continue;
    }
    const meta = scope.ctx.objects.head(scope.bucket, key);
    if (meta) page.contents.push(meta);
    page.last = key;
    i++;
  }
  return page;
}

export function parseMaxKeys(value: string | undefined, name = 'max-keys'): number {
  if (value === undefined || value === '') return 100;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 1000) throw ossErrors.invalidArgument(`Argument ${name} must be an integer between 1 and 1000.`, name, value);
  return n;
}

export function encoder(scope: OssScope): (s: string) => string {
  return scope.route.query.get('encoding-type') === 'url' ? (s) => encodeURIComponent(s) : (s) => s;
}

function contentsXml(page: ListPage, enc: (s: string) => string, owner: boolean, accountId: string): XmlNode[] {
  return page.contents.map((m) => ({
    Key: enc(m.key),
    LastModified: isoMillis(m.lastModified),
    ETag: m.etag,
    Type: m.type,
    Size: m.size,
    StorageClass: 'Standard',
    ...(owner ? { Owner: { ID: accountId, DisplayName: accountId } } : {}),
  }));
}

export const listObjects: OssHandler = async (scope) => {
  const q = scope.route.query;
  const prefix = q.get('prefix') ?? '';
  const marker = q.get('marker') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const maxKeys = parseMaxKeys(q.get('max-keys'));
  const enc = encoder(scope);
  const page = listPage(scope, prefix, delimiter, marker, maxKeys);
  sendXml(scope.res, 200, 'ListBucketResult', {
    Name: scope.bucket,
    Prefix: enc(prefix),
    Marker: enc(marker),
    MaxKeys: maxKeys,
    Delimiter: enc(delimiter),
    ...(q.get('encoding-type') === 'url' ? { EncodingType: 'url' } : {}),
    IsTruncated: page.truncated,
    ...(page.truncated && page.last !== undefined ? { NextMarker: enc(page.last) } : {}),
    Contents: contentsXml(page, enc, true, scope.ctx.directory.accountId),
    CommonPrefixes: page.prefixes.map((p) => ({ Prefix: enc(p) })),
  });
};

const tokenFor = (key: string): string => Buffer.from(key).toString('base64');

export const listObjectsV2: OssHandler = async (scope) => {
  const q = scope.route.query;
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const startAfter = q.get('start-after') ?? '';
  const token = q.get('continuation-token');
  let after = startAfter;
  if (token !== undefined) {
    after = Buffer.from(token, 'base64').toString('utf8');
    if (tokenFor(after) !== token) throw ossErrors.invalidArgument('The continuation token provided is incorrect.', 'continuation-token', token);
  }
  const maxKeys = parseMaxKeys(q.get('max-keys'));
  const enc = encoder(scope);
  const page = listPage(scope, prefix, delimiter, after, maxKeys);
  sendXml(scope.res, 200, 'ListBucketResult', {
    Name: scope.bucket,
    Prefix: enc(prefix),
    ...(startAfter ? { StartAfter: enc(startAfter) } : {}),
    ...(token !== undefined ? { ContinuationToken: token } : {}),
    MaxKeys: maxKeys,
    Delimiter: enc(delimiter),
    ...(q.get('encoding-type') === 'url' ? { EncodingType: 'url' } : {}),
    IsTruncated: page.truncated,
    ...(page.truncated && page.last !== undefined ? { NextContinuationToken: tokenFor(page.last) } : {}),
    KeyCount: page.contents.length + page.prefixes.length,
    Contents: contentsXml(page, enc, q.get('fetch-owner') === 'true', scope.ctx.directory.accountId),
    CommonPrefixes: page.prefixes.map((p) => ({ Prefix: enc(p) })),
  });
};
