/**
 * A role's trust policy as the RAM console takes it (`Principal: { RAM: [...] }`), read into the sandbox's
 * `trustedUsers`: `acs:ram::<account>:root` trusts every RAM user of that account (those whose own policies
 * allow sts:AssumeRole on the role), `…:user/<name>` one user, `…:role/<name>` sessions of that role.
 * Principals of other accounts and services trust no one here: the sandbox is one account.
 */
export interface TrustPolicyDocument {
  Version: string;
  Statement: { Effect: 'Allow' | 'Deny'; Action: string | string[]; Principal: Record<string, string | string[]> }[];
}

const STATEMENT_KEYS = new Set(['Effect', 'Action', 'Principal']);
const asList = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);
const isStringOrList = (v: unknown): boolean => typeof v === 'string' || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'));

/** The first problem with a trust policy, or undefined. Conditions are refused: the sandbox does not evaluate them here. */
export function trustPolicyProblem(doc: unknown): string | undefined {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return 'trust policy must be a JSON object';
  const d = doc as Record<string, unknown>;
  for (const key of Object.keys(d)) if (key !== 'Version' && key !== 'Statement') return `unknown element "${key}"`;
  if (d.Version !== '1') return 'Version must be "1"';
  if (!Array.isArray(d.Statement) || d.Statement.length === 0) return 'Statement must be a non-empty list';
  for (const [i, raw] of d.Statement.entries()) {
    if (typeof raw !== 'object' || raw === null) return `Statement ${i} must be an object`;
    const s = raw as Record<string, unknown>;
    for (const key of Object.keys(s)) if (!STATEMENT_KEYS.has(key)) return `Statement ${i}: "${key}" is not supported in a trust policy here`;
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') return `Statement ${i}: Effect must be Allow or Deny`;
    if (!isStringOrList(s.Action)) return `Statement ${i}: Action must be a string or list of strings`;
    if (typeof s.Principal !== 'object' || s.Principal === null || Array.isArray(s.Principal)) return `Statement ${i}: Principal must be an object`;
    for (const [kind, value] of Object.entries(s.Principal)) {
      if (kind !== 'RAM' && kind !== 'Service' && kind !== 'Federated') return `Statement ${i}: unknown principal type "${kind}"`;
      if (!isStringOrList(value)) return `Statement ${i}: Principal.${kind} must be a string or list of strings`;
    }
  }
  return undefined;
}

/** Who may assume the role under `doc` in account `accountId`, as `trustedUsers` entries (Deny wins). */
export function trustedByPolicy(doc: TrustPolicyDocument, accountId: string): string[] {
  const principals = (effect: 'Allow' | 'Deny'): string[] =>
    doc.Statement.filter((s) => s.Effect === effect && asList(s.Action).some((a) => a === 'sts:AssumeRole' || a === 'sts:*' || a === '*')).flatMap((s) =>
      asList(s.Principal.RAM ?? []).flatMap((arn) => {
        const match = /^acs:ram::(\d+):(root|user\/(.+)|role\/(.+))$/.exec(arn);
        if (!match || match[1] !== accountId) return [];
        return [match[2] === 'root' ? '*' : match[3] !== undefined ? match[3] : `role/${match[4]!}`];
      }),
    );
  const denied = new Set(principals('Deny'));
  return [...new Set(principals('Allow'))].filter((p) => !denied.has(p) && !(denied.has('*') && !p.startsWith('role/')));
}
