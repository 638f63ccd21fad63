import { createHash, createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { SandboxContext } from '../context.ts';
import { resolveStsCaller, type StsCaller } from './caller.ts';
import type { NonceCache } from './nonces.ts';
import { percentEncode } from './popSignature.ts';
import { stsErrors } from './stsError.ts';
import { checkTimestamp } from './verifyPopV1.ts';

/**
 * Alibaba Cloud's V3 request signature (ACS3-HMAC-SHA256), as @alicloud/openapi-core signs by default
 * (dist/utils.js `getAuthorization`; Alibaba Cloud "Request syntax and signature method V3"):
 *
 *   CanonicalRequest = Method \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n SignedHeaders \n hex(SHA256(body))
 *   StringToSign     = "ACS3-HMAC-SHA256" \n hex(SHA256(CanonicalRequest))
 *   Signature        = hex(HMAC-SHA256(AccessKeySecret, StringToSign))
 *   Authorization: ACS3-HMAC-SHA256 Credential=<AK>,SignedHeaders=a;b;c,Signature=<hex>
 *
 * The action, version, time and nonce travel in x-acs-action / x-acs-version / x-acs-date /
 * x-acs-signature-nonce; every x-acs-* header and host must be signed.
 */
const AUTHORIZATION = /^ACS3-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)$/;

export function isAcs3(req: IncomingMessage): boolean {
  return (req.headers.authorization ?? '').startsWith('ACS3-');
}

function canonicalQuery(rawQuery: string): string {
  const pairs = rawQuery
    .split('&')
    .filter((p) => p !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const decode = (s: string): string => decodeURIComponent(s.replace(/\+/g, ' '));
      return eq < 0 ? [decode(part), ''] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))];
    })
    .map(([k, v]) => [percentEncode(k!), percentEncode(v!)] as const);
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

export function acs3StringToSign(req: IncomingMessage, body: Buffer, signedHeaders: string[]): string {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const canonicalRequest = [
    (req.method ?? 'GET').toUpperCase(),
    q < 0 ? url : url.slice(0, q),
    canonicalQuery(q < 0 ? '' : url.slice(q + 1)),
    signedHeaders.map((h) => `${h}:${(header(req, h) ?? '').trim()}\n`).join(''),
    signedHeaders.join(';'),
    createHash('sha256').update(body).digest('hex'),
  ].join('\n');
  return `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;
}

/** Checks an ACS3 request the way POP v1 requests are checked; returns the caller and the action's parameters. */
export function verifyAcs3(
  ctx: SandboxContext,
  nonces: NonceCache,
  req: IncomingMessage,
  body: Buffer,
  params: Record<string, string>,
  now: number,
): { caller: StsCaller; params: Record<string, string> } {
  const auth = AUTHORIZATION.exec(header(req, 'authorization') ?? '');
  if (!auth) throw stsErrors.incompleteSignature();
  const [, accessKeyId = '', signedText = '', provided = ''] = auth;
  const signedHeaders = signedText.split(';');
  const sorted = [...signedHeaders].sort();
  const mustSign = Object.keys(req.headers).filter((h) => h.startsWith('x-acs-') || h === 'host');
  if (signedHeaders.some((h, i) => h !== sorted[i] || h !== h.toLowerCase()) || mustSign.some((h) => !signedHeaders.includes(h))) {
    throw stsErrors.incompleteSignature();
  }
  const action = header(req, 'x-acs-action');
  if (action === undefined) throw stsErrors.missingParameter('Action');
  const version = header(req, 'x-acs-version');
  if (version === undefined) throw stsErrors.missingParameter('Version');
  const date = header(req, 'x-acs-date');
  if (date === undefined) throw stsErrors.missingParameter('Timestamp');
  const nonce = header(req, 'x-acs-signature-nonce');
  if (nonce === undefined) throw stsErrors.missingParameter('SignatureNonce');
  checkTimestamp(date, now);
  const token = header(req, 'x-acs-security-token');
  const caller = resolveStsCaller({ AccessKeyId: accessKeyId, ...(token !== undefined ? { SecurityToken: token } : {}) }, ctx.directory, ctx.tokens, now);
  const stringToSign = acs3StringToSign(req, body, signedHeaders);
  const expected = createHmac('sha256', caller.secret).update(stringToSign).digest('hex');
  if (expected !== provided.toLowerCase()) throw stsErrors.signatureMismatch(stringToSign);
  if (!nonces.claim(accessKeyId, nonce, now)) throw stsErrors.nonceUsed();
  return { caller, params: { ...params, Action: action, Version: version } };
}
