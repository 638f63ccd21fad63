import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';
import type { SandboxContext } from '../../context.ts';
import { ipInRange } from '../../policy/ipRange.ts';
import { ossErrors } from '../ossError.ts';
import type { OssRoute } from '../route.ts';
import { headerValue } from '../header.ts';
import { authenticateHeaderV1 } from './headerV1.ts';
import { authenticateHeaderV4 } from './headerV4.ts';
import { authenticatePresignV1 } from './presignV1.ts';
import { authenticatePresignV4 } from './presignV4.ts';
import type { Principal } from './principal.ts';

export interface Authentication {
  principal: Principal;
  presigned: boolean;
}

/** Picks the signing scheme from the request and verifies it; anonymous when unsigned. */
export function authenticate(ctx: SandboxContext, req: IncomingMessage, route: OssRoute, sourceIp: string): Authentication {
  const authorization = headerValue(req, 'authorization');
  const presignV1 = route.query.has('OSSAccessKeyId') || route.query.has('Signature');
  const presignV4 = route.query.has('x-oss-signature-version') || route.query.has('x-oss-signature');
  if (authorization && (presignV1 || presignV4)) {
    throw ossErrors.invalidArgument('Only one authentication method is allowed: either the Authorization header or a signed URL.', 'Authorization', '');
  }
  const v4 = authorization ? authorization.startsWith('OSS4-HMAC-SHA256') : presignV4;
  if (v4 && route.bucket !== undefined && ctx.directory.config.buckets.some((b) => b.name === route.bucket && b.v1Only)) {
    throw ossErrors.invalidArgument('This bucket does not support V4 signatures.', 'Authorization', 'OSS4-HMAC-SHA256');
  }
  let principal: Principal;
  if (authorization) {
    if (authorization.startsWith('OSS4-HMAC-SHA256')) principal = authenticateHeaderV4(ctx, req, route, authorization);
    else if (authorization.startsWith('OSS ')) principal = authenticateHeaderV1(ctx, req, route, authorization);
    else throw ossErrors.invalidArgument('Authorization header is invalid.', 'Authorization', authorization.split(' ')[0] ?? '');
  } else if (presignV4) {
    principal = authenticatePresignV4(ctx, req, route);
  } else if (presignV1) {
    principal = authenticatePresignV1(ctx, req, route);
  } else {
    return { principal: { kind: 'anonymous' }, presigned: false };
  }
  checkSourceIpRestriction(route, sourceIp);
  return { principal, presigned: !authorization };
}

/** `x-oss-ac-source-ip` / `x-oss-ac-subnet-mask` (signed with the URL): the caller must be in that network. */
function checkSourceIpRestriction(route: OssRoute, sourceIp: string): void {
  const ip = route.query.get('x-oss-ac-source-ip');
  if (ip === undefined) return;
  // No mask: the one address (32 bits for IPv4, 128 for IPv6).
  const mask = route.query.get('x-oss-ac-subnet-mask') ?? (isIPv6(ip) ? '128' : '32');
  if (!ipInRange(sourceIp, `${ip}/${mask}`)) {
    throw ossErrors.signatureMismatch(route.query.get('OSSAccessKeyId') ?? '', '', `source ip ${sourceIp} is not allowed`, '0002-00000602');
  }
}
