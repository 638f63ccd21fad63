import { sessionPolicy } from './sessionPolicy.ts';
import type { Purpose } from './types.ts';

/** A RAM policy document as the console's JSON editor takes it. */
export interface RamPolicyDocument {
  Version: '1';
  Statement: Record<string, unknown>[];
}

/** What IT creates in the RAM console for one connection, in the order it is done. */
export type RamPolicyId = 'ram-user' | 'role' | 'trust' | 'link-signing' | 'access-logs';

export interface RamPolicy {
  id: RamPolicyId;
  document: RamPolicyDocument;
}

export interface ItPolicyOptions {
  bucket: string;
  prefixTemplate: string;
  roleArn: string;
  /** Also a link-signing user (`ferry profile signing-key`): GetObject in the folder, nothing else. */
  linkSigning?: boolean;
  /** Where OSS writes the bucket's access logs ("opened" receipts): read rights on that prefix for the role. */
  accessLogs?: { bucket: string; prefix: string };
}

const PURPOSES: readonly Purpose[] = ['upload', 'share', 'manage'];

/**
 * The folder every staff member's prefix lies in: the template up to its first placeholder
 * (`shared/{user}/{yyyy}-{mm}/` → `shared/`). Each person's sessions are narrowed further to their own
 * part by the session policy; the role must allow the whole of it.
 */
export function connectionFolder(prefixTemplate: string): string {
  const cut = prefixTemplate.indexOf('{');
  return (cut < 0 ? prefixTemplate : prefixTemplate.slice(0, cut)).replace(/[*?]/g, '');
}

/** The account id in a role ARN (`acs:ram::<account>:role/<name>`). */
export function accountOfRole(roleArn: string): string {
  return /^acs:ram::(\d+):role\//.exec(roleArn)?.[1] ?? '';
}

/**
 * The role's object rights: the union of the session policies Ferry asks STS for (upload, share, manage)
 * over the connection's folder. Ferry's credentials are the intersection of the two, so this is exactly
 * what Ferry can use, and nothing it never asks for.
 */
export function rolePolicy(bucket: string, prefixTemplate: string): RamPolicyDocument {
  const folder = connectionFolder(prefixTemplate);
  const merged = new Map<string, { actions: string[]; statement: Record<string, unknown> }>();
  for (const purpose of PURPOSES) {
    const { Statement } = JSON.parse(sessionPolicy(purpose, bucket, folder)) as RamPolicyDocument;
    for (const statement of Statement) {
      const { Action, ...rest } = statement as { Action: string[] } & Record<string, unknown>;
      const scope = JSON.stringify(rest);
      const entry = merged.get(scope) ?? { actions: [], statement: rest };
      for (const action of Action) if (!entry.actions.includes(action)) entry.actions.push(action);
      merged.set(scope, entry);
    }
  }
  return {
    Version: '1',
    Statement: [...merged.values()].map(({ actions, statement }) => ({ Effect: statement.Effect, Action: actions, ...statement })),
  };
}

/** The RAM user whose key staff type into Ferry may assume the role and do nothing else. */
export function ramUserPolicy(roleArn: string): RamPolicyDocument {
  return { Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn }] };
}

/** The role's trust policy: identities of the role's own account (the RAM user above) may assume it. */
export function trustPolicy(roleArn: string): RamPolicyDocument {
  return {
    Version: '1',
    Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: [`acs:ram::${accountOfRole(roleArn)}:root`] } }],
  };
}

/** A link-signing key reads objects in the folder (the links it signs) and does nothing else. */
export function linkSigningPolicy(bucket: string, prefixTemplate: string): RamPolicyDocument {
  return { Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:GetObject', Resource: [`acs:oss:*:*:${bucket}/${connectionFolder(prefixTemplate)}*`] }] };
}

/** Reading the access-log objects OSS delivers under `prefix` in `bucket`. */
export function accessLogsPolicy(bucket: string, prefix: string): RamPolicyDocument {
  const safe = prefix.replace(/[*?]/g, '');
  return {
    Version: '1',
    Statement: [
      { Effect: 'Allow', Action: ['oss:GetObject'], Resource: [`acs:oss:*:*:${bucket}/${safe}*`] },
      { Effect: 'Allow', Action: ['oss:ListObjects'], Resource: [`acs:oss:*:*:${bucket}`], Condition: { StringLike: { 'oss:Prefix': [`${safe}*`] } } },
    ],
  };
}

/** Every policy IT creates for one connection, in the order the console needs them. */
export function itPolicies(options: ItPolicyOptions): RamPolicy[] {
  return [
    { id: 'ram-user', document: ramUserPolicy(options.roleArn) },
    { id: 'role', document: rolePolicy(options.bucket, options.prefixTemplate) },
    { id: 'trust', document: trustPolicy(options.roleArn) },
    ...(options.linkSigning ? [{ id: 'link-signing' as const, document: linkSigningPolicy(options.bucket, options.prefixTemplate) }] : []),
    ...(options.accessLogs ? [{ id: 'access-logs' as const, document: accessLogsPolicy(options.accessLogs.bucket, options.accessLogs.prefix) }] : []),
  ];
}
