import { conditionsHold } from './conditions.ts';
import type { AccessRequest, Decision, PolicyDocument, Statement } from './types.ts';
import { wildcardMatch } from './wildcard.ts';

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function statementApplies(s: Statement, req: AccessRequest): boolean {
  const actionOk =
    s.Action !== undefined
      ? list(s.Action).some((p) => wildcardMatch(p, req.action, true))
      : !list(s.NotAction).some((p) => wildcardMatch(p, req.action, true));
  if (!actionOk) return false;
  const resourceOk =
    s.Resource !== undefined
      ? list(s.Resource).some((p) => wildcardMatch(p, req.resource))
      : !list(s.NotResource).some((p) => wildcardMatch(p, req.resource));
  return resourceOk && conditionsHold(s.Condition, req.context);
}

/** RAM evaluation: any matching Deny wins, else any matching Allow, else implicit deny. */
export function evaluatePolicies(policies: readonly PolicyDocument[], req: AccessRequest): Decision {
  let allowed = false;
  for (const policy of policies) {
    for (const statement of policy.Statement) {
      if (!statementApplies(statement, req)) continue;
      if (statement.Effect === 'Deny') return 'deny';
      allowed = true;
    }
  }
  return allowed ? 'allow' : 'implicit-deny';
}
