import { createHash, createHmac } from 'node:crypto';
import { rfc3986 } from './encoding.ts';
import { objectBaseUrl } from './objectUrl.ts';
import type { PresignInput, PresignedUrl } from './presignTypes.ts';

/** OSS rejects x-oss-expires above 604800 s (EC 0002-00000232). */
export const V4_MAX_EXPIRES_S = 604_800;

/** `20231216T162057Z` */
function isoBasic(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function signingKey(secret: string, day: string, region: string): Buffer {
  const kDate = createHmac('sha256', `aliyun_v4${secret}`).update(day).digest();
  const kRegion = createHmac('sha256', kDate).update(region).digest();
  const kProduct = createHmac('sha256', kRegion).update('oss').digest();
  return createHmac('sha256', kProduct).update('aliyun_v4_request').digest();
}

/**
 * A V4 (OSS4-HMAC-SHA256) presigned GET. Every param except x-oss-signature is in the canonical query;
 * nothing but the host is needed to send it, so no additional headers are signed.
 */
export function presignV4(input: PresignInput): PresignedUrl {
  const signedAtS = Math.floor(input.signedAt / 1000);
  const expiresS = Math.floor(input.expiresAt / 1000) - signedAtS;
  if (expiresS < 1 || expiresS > V4_MAX_EXPIRES_S) throw new RangeError(`V4 link lifetime out of range: ${expiresS}s`);
  const date = isoBasic(signedAtS * 1000);
  const day = date.slice(0, 8);
  const scope = `${day}/${input.region}/oss/aliyun_v4_request`;
  const { accessKeyId, accessKeySecret, securityToken } = input.credentials;

  const params: [string, string][] = [
    ...Object.entries(input.query ?? {}),
    ['x-oss-credential', `${accessKeyId}/${scope}`],
    ['x-oss-date', date],
    ['x-oss-expires', String(expiresS)],
    ['x-oss-signature-version', 'OSS4-HMAC-SHA256'],
  ];
  if (securityToken) params.push(['x-oss-security-token', securityToken]);
  const encoded = params.map(([k, v]) => [rfc3986(k), rfc3986(v)] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonicalQuery = encoded.map(([k, v]) => `${k}=${v}`).join('&');

  const canonicalUri = rfc3986(`/${input.bucket}/${input.key}`).replace(/%2F/g, '/');
  const canonicalRequest = ['GET', canonicalUri, canonicalQuery, '', '', 'UNSIGNED-PAYLOAD'].join('\n');
  const stringToSign = ['OSS4-HMAC-SHA256', date, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  const signature = createHmac('sha256', signingKey(accessKeySecret, day, input.region)).update(stringToSign).digest('hex');

  const url = `${objectBaseUrl(input.endpoint, input.bucket, input.key)}?${canonicalQuery}&x-oss-signature=${signature}`;
  return { url, expiresAt: (signedAtS + expiresS) * 1000 };
}
