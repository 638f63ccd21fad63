import { MAX_SKEW_MS, type SandboxContext } from '../context.ts';
import { resolveStsCaller, type StsCaller } from './caller.ts';
import type { NonceCache } from './nonces.ts';
import { popSignature, popStringToSign } from './popSignature.ts';
import { stsErrors } from './stsError.ts';

export const POP_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const REQUIRED = ['Action', 'AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureNonce', 'Timestamp', 'Version'];

/** The POP timestamp rules both signature versions share: ISO 8601 UTC, within 15 minutes of sandbox time. */
export function checkTimestamp(timestamp: string, now: number): void {
  if (!POP_TIMESTAMP.test(timestamp) || !Number.isFinite(Date.parse(timestamp))) throw stsErrors.timestampFormat();
  if (Math.abs(Date.parse(timestamp) - now) > MAX_SKEW_MS) throw stsErrors.timestampExpired();
}

/** POP RPC signature v1 (HMAC-SHA1 over the sorted parameters; `Signature` among them). */
export function verifyPopV1(ctx: SandboxContext, nonces: NonceCache, method: string, params: Record<string, string>, now: number): StsCaller {
  for (const p of REQUIRED) if (params[p] === undefined) throw stsErrors.missingParameter(p);
  if (params.SignatureMethod !== 'HMAC-SHA1') throw stsErrors.signatureMethod();
  checkTimestamp(params.Timestamp!, now);
  const caller = resolveStsCaller(params, ctx.directory, ctx.tokens, now);
  const stringToSign = popStringToSign(method, params);
  if (popSignature(caller.secret, stringToSign) !== params.Signature) throw stsErrors.signatureMismatch(stringToSign);
  if (!nonces.claim(params.AccessKeyId!, params.SignatureNonce!, now)) throw stsErrors.nonceUsed();
  return caller;
}
