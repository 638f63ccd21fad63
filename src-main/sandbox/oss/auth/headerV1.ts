import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { SandboxContext } from '../../context.ts';
import { ossErrors } from '../ossError.ts';
import type { OssRoute } from '../route.ts';
import { headerValue } from '../header.ts';
import { stringToSignV1 } from './canonicalV1.ts';
import { resolveKey, type Principal } from './principal.ts';
import { checkSkew } from './skew.ts';

export function signV1(secret: string, stringToSign: string): string {
  return createHmac('sha1', secret).update(stringToSign, 'utf8').digest('base64');
}

/** `Authorization: OSS <AccessKeyId>:<Signature>` */
export function authenticateHeaderV1(ctx: SandboxContext, req: IncomingMessage, route: OssRoute, authorization: string): Principal {
  const m = /^OSS ([^:\s]+):(\S+)$/.exec(authorization.trim());
  if (!m) throw ossErrors.invalidArgument('Authorization header is invalid.', 'Authorization', authorization.slice(0, 3));
  const [, accessKeyId = '', provided = ''] = m;
  const dateLine = headerValue(req, 'x-oss-date') ?? headerValue(req, 'date') ?? '';
  const requestTime = Date.parse(dateLine);
  if (!dateLine || !Number.isFinite(requestTime) || !/GMT$/.test(dateLine.trim())) throw ossErrors.invalidDate();
  const now = ctx.clock.now();
  checkSkew(requestTime, now);
  const { principal, secret } = resolveKey(ctx, accessKeyId, headerValue(req, 'x-oss-security-token'), now);
  const stringToSign = stringToSignV1(req, route, dateLine);
  if (signV1(secret, stringToSign) !== provided) {
    throw ossErrors.signatureMismatch(accessKeyId, provided, stringToSign, '0002-00000040');
  }
  return principal;
}
