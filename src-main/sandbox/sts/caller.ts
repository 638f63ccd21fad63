import type { UserConfig } from '../config.ts';
import type { Directory } from '../iam/directory.ts';
import { stsErrors } from './stsError.ts';
import type { TokenAuthority, TokenPayload } from './tokens.ts';

export type StsCaller =
  | { kind: 'user'; user: UserConfig; secret: string }
  | { kind: 'session'; token: TokenPayload; secret: string };

/** Finds who signed an STS request: a RAM user's key, or a temporary key with its token. */
export function resolveStsCaller(
  params: Record<string, string>,
  directory: Directory,
  tokens: TokenAuthority,
  now: number,
): StsCaller {
  const accessKeyId = params.AccessKeyId ?? '';
  if (accessKeyId.startsWith('STS.')) {
    const raw = params.SecurityToken;
    if (!raw) throw stsErrors.missingToken();
    const token = tokens.verify(raw);
    if (!token) throw stsErrors.tokenMalformed();
    if (token.ak !== accessKeyId) throw stsErrors.tokenMismatch();
    if (token.exp <= now) throw stsErrors.tokenExpired();
    return { kind: 'session', token, secret: tokens.secretFor(accessKeyId) };
  }
  const owner = directory.keyOwner(accessKeyId);
  if (!owner) throw stsErrors.keyNotFound();
  if (!owner.enabled) throw stsErrors.keyInactive();
  return { kind: 'user', user: owner.user, secret: owner.secret };
}
