import type { IncomingMessage } from 'node:http';
import { ossErrors } from '../ossError.ts';
import type { OssRoute } from '../route.ts';
import { canonicalRequestV4, signatureV4, stringToSignV4, type V4Credential } from './canonicalV4.ts';

export interface V4Check {
  req: IncomingMessage;
  route: OssRoute;
  secret: string;
  credential: V4Credential;
  ossDate: string;
  additional: string[];
  hashedPayload: string;
  provided: string;
}

/** Compares the V4 signature, accepting either SDK convention for empty query values. */
export function verifyV4(c: V4Check): void {
  const scope = `${c.credential.day}/${c.credential.region}/${c.credential.product}/aliyun_v4_request`;
  let first: { canonical: string; sts: string } | undefined;
  for (const emptyAsEquals of [false, true]) {
    const canonical = canonicalRequestV4(c.req, c.route, c.additional, emptyAsEquals, c.hashedPayload);
    const sts = stringToSignV4(c.ossDate, scope, canonical);
    if (signatureV4(c.secret, c.credential.day, c.credential.region, c.credential.product, sts) === c.provided) return;
    first ??= { canonical, sts };
  }
  throw ossErrors.signatureMismatch(c.credential.accessKeyId, c.provided, first!.sts, '0002-00000201', first!.canonical);
}
