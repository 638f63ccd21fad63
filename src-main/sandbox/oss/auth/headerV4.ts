import type { IncomingMessage } from 'node:http';
import type { SandboxContext } from '../../context.ts';
import { ossErrors, type OssError } from '../ossError.ts';
import type { OssRoute } from '../route.ts';
import { headerValue } from '../header.ts';
import { parseCredential, parseIsoBasic, type V4Credential } from './canonicalV4.ts';
import { resolveKey, type Principal } from './principal.ts';
import { checkSkew } from './skew.ts';
import { verifyV4 } from './verifyV4.ts';

const malformed = (): OssError =>
  ossErrors.invalidArgument('Authorization header is invalid.', 'Authorization', 'OSS4-HMAC-SHA256', '0002-00000202');

export function checkRegion(ctx: SandboxContext, credential: V4Credential): void {
  if (credential.product !== 'oss' || credential.region !== ctx.directory.region) {
    throw ossErrors.invalidArgument('Invalid signing region in Authorization header.', undefined, undefined, '0002-00000226');
  }
}

/** `Authorization: OSS4-HMAC-SHA256 Credential=…,AdditionalHeaders=…,Signature=…` */
export function authenticateHeaderV4(ctx: SandboxContext, req: IncomingMessage, route: OssRoute, authorization: string): Principal {
  const fields = new Map<string, string>();
  for (const part of authorization.slice('OSS4-HMAC-SHA256'.length).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = parseCredential(fields.get('Credential') ?? '');
  const provided = fields.get('Signature');
  if (!credential || !provided) throw malformed();
  const ossDate = headerValue(req, 'x-oss-date') ?? '';
  const requestTime = parseIsoBasic(ossDate);
  if (!Number.isFinite(requestTime)) throw ossErrors.invalidDate();
  checkRegion(ctx, credential);
  const hashedPayload = headerValue(req, 'x-oss-content-sha256');
  if (hashedPayload === undefined) {
    throw ossErrors.invalidArgument('Missing required header for this request: x-oss-content-sha256.', 'x-oss-content-sha256', '', '0002-00000214');
  }
  const now = ctx.clock.now();
  checkSkew(requestTime, now);
  const { principal, secret } = resolveKey(ctx, credential.accessKeyId, headerValue(req, 'x-oss-security-token'), now);
  const additional = (fields.get('AdditionalHeaders') ?? '').split(';').map((h) => h.trim().toLowerCase()).filter(Boolean);
  verifyV4({ req, route, secret, credential, ossDate, additional, hashedPayload, provided });
  return principal;
}
