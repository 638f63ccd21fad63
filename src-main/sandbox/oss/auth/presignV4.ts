import type { IncomingMessage } from 'node:http';
import type { SandboxContext } from '../../context.ts';
import { ossErrors } from '../ossError.ts';
import type { OssRoute } from '../route.ts';
import { parseCredential, parseIsoBasic } from './canonicalV4.ts';
import { checkRegion } from './headerV4.ts';
import { resolveKey, type Principal } from './principal.ts';
import { checkSkew, isoMillis } from './skew.ts';
import { verifyV4 } from './verifyV4.ts';

const MAX_EXPIRES_S = 604_800;

/** `?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-credential=…&x-oss-date=…&x-oss-expires=…&x-oss-signature=…` */
export function authenticatePresignV4(ctx: SandboxContext, req: IncomingMessage, route: OssRoute): Principal {
  const q = route.query;
  if (q.get('x-oss-signature-version') !== 'OSS4-HMAC-SHA256') {
    throw ossErrors.invalidArgument('Unsupported signature version.', 'x-oss-signature-version', q.get('x-oss-signature-version') ?? '');
  }
  const credential = parseCredential(q.get('x-oss-credential') ?? '');
  if (!credential) throw ossErrors.invalidArgument('Invalid credential in x-oss-credential.', 'x-oss-credential', q.get('x-oss-credential') ?? '', '0002-00000223');
  const ossDate = q.get('x-oss-date') ?? '';
  const requestTime = parseIsoBasic(ossDate);
  if (!Number.isFinite(requestTime)) throw ossErrors.invalidDate();
  const expiresText = q.get('x-oss-expires');
  if (expiresText === undefined) throw ossErrors.invalidArgument('x-oss-expires is required.', 'x-oss-expires', '', '0002-00000215');
  const expires = Number(expiresText);
  if (!/^\d+$/.test(expiresText) || expires < 1 || expires > MAX_EXPIRES_S) {
    throw ossErrors.invalidArgument('x-oss-expires must be between 1 and 604800 seconds.', 'x-oss-expires', expiresText, '0002-00000232');
  }
  checkRegion(ctx, credential);
  const provided = q.get('x-oss-signature') ?? '';
  const now = ctx.clock.now();
  const expiresAt = requestTime + expires * 1000;
  if (expiresAt < now) throw ossErrors.requestExpired(isoMillis(expiresAt), isoMillis(now));
  if (requestTime > now) checkSkew(requestTime, now);
  const { principal, secret } = resolveKey(ctx, credential.accessKeyId, q.get('x-oss-security-token'), now);
  const additional = (q.get('x-oss-additional-headers') ?? '').split(';').map((h) => h.trim().toLowerCase()).filter(Boolean);
  verifyV4({ req, route, secret, credential, ossDate, additional, hashedPayload: 'UNSIGNED-PAYLOAD', provided });
  return principal;
}
