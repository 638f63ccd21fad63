import { createHash } from 'node:crypto';
import type { Directory } from '../iam/directory.ts';
import { evaluatePolicies } from '../policy/evaluate.ts';
import { policyGrammarProblem } from '../policy/grammar.ts';
import type { PolicyDocument } from '../policy/types.ts';
import type { StsCaller } from './caller.ts';
import { stsErrors } from './stsError.ts';
import type { TokenAuthority } from './tokens.ts';

export interface AssumeRoleResult {
  AssumedRoleUser: { AssumedRoleId: string; Arn: string };
  Credentials: { SecurityToken: string; Expiration: string; AccessKeySecret: string; AccessKeyId: string };
  SourceIdentity?: string;
}

const ROLE_ARN = /^acs:ram::(\d+):role\/([A-Za-z0-9._-]{1,64})$/;
const SESSION_NAME = /^[A-Za-z0-9.@_-]{2,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

/** "2015-04-09T11:52:19Z": seconds precision, as the real service and credentials-go expect. */
export function stsTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function roleId(accountId: string, roleName: string): string {
  const digest = createHash('sha256').update(`${accountId}/${roleName}`).digest();
  return (digest.readBigUInt64BE(0) % 10n ** 17n).toString().padStart(17, '3');
}

function parseSessionPolicy(text: string): PolicyDocument {
  if (Buffer.byteLength(text) > 2048) throw stsErrors.policySize();
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw stsErrors.policyGrammar();
  }
  if (policyGrammarProblem(doc)) throw stsErrors.policyGrammar();
  return doc as PolicyDocument;
}

export function assumeRole(
  params: Record<string, string>,
  caller: StsCaller,
  directory: Directory,
  tokens: TokenAuthority,
  now: number,
  sourceIp: string,
): AssumeRoleResult {
  const arn = params.RoleArn;
  if (arn === undefined) throw stsErrors.missingParameter('RoleArn');
  const session = params.RoleSessionName;
  if (session === undefined) throw stsErrors.missingParameter('RoleSessionName');
  const match = ROLE_ARN.exec(arn);
  if (!match) throw stsErrors.roleArn();
  if (!SESSION_NAME.test(session)) throw stsErrors.roleSessionName();
  if (params.ExternalId !== undefined && !EXTERNAL_ID.test(params.ExternalId)) throw stsErrors.externalId();
  const durationText = params.DurationSeconds;
  const duration = durationText === undefined ? 3600 : Number(durationText);
  if (!/^\d+$/.test(durationText ?? '3600') || duration < 900) throw stsErrors.durationSeconds();
  const policyText = params.Policy;
  const sessionPolicy = policyText === undefined ? undefined : parseSessionPolicy(policyText);

  if (caller.kind === 'user' && caller.user.root) throw stsErrors.rootAccount();

  const [, accountId = '', roleName = ''] = match;
  const role = accountId === directory.accountId ? directory.roleByArnName(roleName) : undefined;
  if (!role) throw stsErrors.roleNotFound();
  const canonicalArn = directory.roleArn(role.name);

  if (caller.kind === 'user') {
    const decision = evaluatePolicies(caller.user.policies, {
      action: 'sts:AssumeRole',
      resource: canonicalArn,
      context: { 'acs:SourceIp': sourceIp, 'acs:CurrentTime': new Date(now).toISOString() },
    });
    if (decision !== 'allow') throw stsErrors.notAuthorizedByRam();
    if (!role.trustedUsers.includes('*') && !role.trustedUsers.includes(caller.user.name)) throw stsErrors.roleNotTrusted();
  } else if (!role.trustedUsers.includes(`role/${caller.token.role}`)) {
    throw stsErrors.roleNotTrusted();
  }
  if (duration > role.maxSessionDuration) throw stsErrors.durationSeconds();

  // The token expires on a whole second so that Expiration states it exactly.
  const exp = Math.floor((now + duration * 1000) / 1000) * 1000;
  const issued = tokens.issue({
    user: caller.kind === 'user' ? caller.user.name : caller.token.user,
    role: role.name,
    session,
    iat: now,
    exp,
    ...(sessionPolicy ? { policy: JSON.stringify(sessionPolicy) } : {}),
  });
  return {
    AssumedRoleUser: { AssumedRoleId: `${roleId(directory.accountId, role.name)}:${session}`, Arn: `${canonicalArn}/${session}` },
    Credentials: {
      SecurityToken: issued.securityToken,
      Expiration: stsTime(exp),
      AccessKeySecret: issued.accessKeySecret,
      AccessKeyId: issued.accessKeyId,
    },
    ...(params.SourceIdentity !== undefined ? { SourceIdentity: params.SourceIdentity } : {}),
  };
}
