import { createHmac } from 'node:crypto';
import { encodeQuery } from './encoding.ts';
import { objectBaseUrl } from './objectUrl.ts';
import type { PresignInput, PresignedUrl } from './presignTypes.ts';

/**
 * A V1 presigned GET: `OSSAccessKeyId`, `Expires` (unix seconds), `Signature` (base64 HMAC-SHA1), plus
 * `security-token` for STS. The string to sign holds the decoded key and the sub-resources with their
 * raw values; the URL carries them encoded (the base64 `+` as %2B, never a raw `+`).
 */
export function presignV1(input: PresignInput): PresignedUrl {
  const expires = Math.floor(input.expiresAt / 1000);
  if (expires * 1000 <= input.signedAt) throw new RangeError('V1 link would already be expired');
  const { accessKeyId, accessKeySecret, securityToken } = input.credentials;

  const subresources: [string, string][] = Object.entries(input.query ?? {});
  if (securityToken) subresources.push(['security-token', securityToken]);
  subresources.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const resource = `/${input.bucket}/${input.key}`;
  const canonicalResource = subresources.length ? `${resource}?${subresources.map(([k, v]) => `${k}=${v}`).join('&')}` : resource;
  const stringToSign = ['GET', '', '', String(expires), canonicalResource].join('\n');
  const signature = createHmac('sha1', accessKeySecret).update(stringToSign, 'utf8').digest('base64');

  const query = encodeQuery([
    ['OSSAccessKeyId', accessKeyId],
    ['Expires', String(expires)],
    ['Signature', signature],
    ...subresources,
  ]);
  return { url: `${objectBaseUrl(input.endpoint, input.bucket, input.key)}?${query}`, expiresAt: expires * 1000 };
}
