import type { IncomingMessage } from 'node:http';
import type { SandboxContext } from '../../context.ts';
import { ossErrors } from '../ossError.ts';
import type { OssRoute } from '../route.ts';
import { stringToSignV1 } from './canonicalV1.ts';
import { signV1 } from './headerV1.ts';
import { resolveKey, type Principal } from './principal.ts';
import { isoMillis } from './skew.ts';

/** `?OSSAccessKeyId=…&Expires=<unix s>&Signature=…[&security-token=…]`; expiry is checked first. */
export function authenticatePresignV1(ctx: SandboxContext, req: IncomingMessage, route: OssRoute): Principal {
  const accessKeyId = route.query.get('OSSAccessKeyId');
  const expires = route.query.get('Expires');
  const provided = route.query.get('Signature');
  if (expires === undefined) throw ossErrors.accessDenied('Expires should be specified in the query string.');
  if (expires === '') throw ossErrors.accessDenied('Expires should not be empty.');
  if (!/^\d+$/.test(expires)) throw ossErrors.accessDenied('Expires should be a number of seconds since the epoch.');
  if (!accessKeyId) throw ossErrors.accessDenied('OSSAccessKeyId should be specified in the query string.');
  if (!provided) throw ossErrors.accessDenied('Signature should be specified in the query string.');
  const now = ctx.clock.now();
  const expiresMs = Number(expires) * 1000;
  if (expiresMs < now) throw ossErrors.requestExpired(isoMillis(expiresMs), isoMillis(now));
  if (route.query.has('security-token') && req.headers['x-oss-security-token'] !== undefined) {
    throw ossErrors.invalidArgument('The security token cannot be in both the URL and the header.', 'security-token', '', '0002-00000010');
  }
  const token = route.query.get('security-token') ?? (req.headers['x-oss-security-token'] as string | undefined);
  const { principal, secret } = resolveKey(ctx, accessKeyId, token, now);
  const stringToSign = stringToSignV1(req, route, expires);
  if (signV1(secret, stringToSign) !== provided) {
    throw ossErrors.signatureMismatch(accessKeyId, provided, stringToSign, '0002-00000040');
  }
  return principal;
}
