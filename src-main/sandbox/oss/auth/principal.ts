import type { RoleConfig, UserConfig } from '../../config.ts';
import type { SandboxContext } from '../../context.ts';
import type { PolicyDocument } from '../../policy/types.ts';
import type { TokenPayload } from '../../sts/tokens.ts';
import { ossErrors } from '../ossError.ts';

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; accessKeyId: string; user: UserConfig }
  | { kind: 'session'; accessKeyId: string; token: TokenPayload; role: RoleConfig; sessionPolicy: PolicyDocument | undefined };

export interface ResolvedKey {
  principal: Exclude<Principal, { kind: 'anonymous' }>;
  secret: string;
}

/** Session policies parsed from their tokens' text, for as long as the (cached) payload lives. */
const sessionPolicies = new WeakMap<TokenPayload, PolicyDocument>();

function sessionPolicyOf(payload: TokenPayload): PolicyDocument | undefined {
  if (payload.policy === undefined) return undefined;
  let policy = sessionPolicies.get(payload);
  if (!policy) {
    policy = JSON.parse(payload.policy) as PolicyDocument;
    sessionPolicies.set(payload, policy);
  }
  return policy;
}

/** Looks up the signing key: a RAM user's long-term key, or an STS key with its matching token. */
export function resolveKey(ctx: SandboxContext, accessKeyId: string, token: string | undefined, now: number): ResolvedKey {
  if (accessKeyId.startsWith('STS.')) {
    if (token === undefined || token === '') throw ossErrors.invalidAccessKeyId(accessKeyId);
    const payload = ctx.tokens.verify(token);
    if (!payload) throw ossErrors.tokenInvalid();
    if (payload.ak !== accessKeyId) throw ossErrors.tokenKeyMismatch();
    if (payload.exp <= now) throw ossErrors.tokenExpired();
    const role = ctx.directory.role(payload.role);
    if (!role) throw ossErrors.tokenInvalid();
    return {
      principal: { kind: 'session', accessKeyId, token: payload, role, sessionPolicy: sessionPolicyOf(payload) },
      secret: ctx.tokens.secretFor(accessKeyId),
    };
  }
  // A token makes it an STS request, and a long-term key is no STS key: OSS EC 0002-00000002
  // (https://help.aliyun.com/zh/oss/support/0002-00000002 — "在请求中误加了SecurityToken参数").
  if (token !== undefined && token !== '') throw ossErrors.invalidAccessKeyId(accessKeyId, '0002-00000002');
  const owner = ctx.directory.keyOwner(accessKeyId);
  if (!owner) throw ossErrors.invalidAccessKeyId(accessKeyId);
  if (!owner.enabled) throw ossErrors.disabledAccessKeyId(accessKeyId);
  return { principal: { kind: 'user', accessKeyId, user: owner.user }, secret: owner.secret };
}
