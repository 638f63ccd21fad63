import type { SandboxContext } from '../context.ts';
import { evaluatePolicies } from '../policy/evaluate.ts';
import type { AccessRequest } from '../policy/types.ts';
import type { Principal } from './auth/principal.ts';
import { ossErrors } from './ossError.ts';

export interface Permission {
  action: string;
  resource: string;
  /** Request-specific condition keys (oss:Prefix …); acs:* keys are added here. */
  context: Record<string, string | undefined>;
}

/**
 * RAM for OSS: the root account may do anything, RAM users get their attached policies; STS sessions get the role's policies intersected
 * with the AssumeRole session policy. Anonymous callers only read public-read buckets and objects (objectAcl.ts).
 */
export function authorize(
  ctx: SandboxContext,
  principal: Principal,
  permission: Permission,
  env: { sourceIp: string; userAgent: string; publicRead: boolean },
): void {
  const now = ctx.clock.now();
  const request: AccessRequest = {
    action: permission.action,
    resource: permission.resource,
    context: {
      'acs:SourceIp': env.sourceIp,
      'acs:CurrentTime': new Date(now).toISOString(),
      'acs:SecureTransport': 'false',
      'acs:UserAgent': env.userAgent,
      'acs:AccessId': principal.kind === 'anonymous' ? undefined : principal.accessKeyId,
      ...permission.context,
    },
  };
  switch (principal.kind) {
    case 'anonymous':
      if (env.publicRead && permission.action === 'oss:GetObject') return;
      throw ossErrors.accessDeniedAnonymous();
    case 'user':
      // The main account owns its buckets outright; RAM policies bind only RAM users.
      if (principal.user.root) return;
      if (evaluatePolicies(principal.user.policies, request) !== 'allow') throw ossErrors.accessDeniedAcl();
      return;
    case 'session': {
      if (evaluatePolicies(principal.role.policies, request) !== 'allow') throw ossErrors.accessDeniedAcl();
      if (principal.sessionPolicy && evaluatePolicies([principal.sessionPolicy], request) !== 'allow') {
        throw ossErrors.accessDeniedAuthorizer();
      }
      return;
    }
  }
}
