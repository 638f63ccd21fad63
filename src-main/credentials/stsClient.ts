import type { OssCredentials } from './types.ts';
import { signPopRequest } from './popSigner.ts';
import { StsBadReplyError, StsServiceError, noPermissionVariant } from './stsErrors.ts';
import { registerSecret } from '../log/redact.ts';
import type { Network } from '../network/network.ts';

export const DEFAULT_STS_ENDPOINT = 'https://sts.aliyuncs.com';

export interface AssumeRoleParams {
  endpoint: string;
  caller: { accessKeyId: string; accessKeySecret: string; securityToken?: string };
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
  /** Session policy JSON; the credentials get the intersection of it and the role's policies. */
  policy?: string;
  /** Signing time (server-corrected), ms epoch. */
  now: number;
  timeoutMs?: number;
  fetch: Network['fetch'];
}

export interface AssumeRoleOutcome {
  credentials: OssCredentials & { expiresAt: number };
  serverDate: number | undefined;
}

/** One AssumeRole call (POST, form-encoded, POP v1 signature). Throws StsServiceError on an STS error reply. */
export async function assumeRole(params: AssumeRoleParams): Promise<AssumeRoleOutcome> {
  const signed = signPopRequest(
    'POST',
    {
      Action: 'AssumeRole',
      Version: '2015-04-01',
      RoleArn: params.roleArn,
      RoleSessionName: params.sessionName,
      DurationSeconds: String(params.durationSeconds),
      ...(params.policy ? { Policy: params.policy } : {}),
    },
    params.caller,
    params.now,
  );
  const url = stsUrl(params.endpoint);
  const response = await params.fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(signed).toString(),
    signal: AbortSignal.timeout(params.timeoutMs ?? 15_000),
    redirect: 'error',
  });
  const serverDate = parseHttpDate(response.headers.get('date'));
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new StsBadReplyError(response.status);
  }
  if (!response.ok || typeof body.Code === 'string') {
    const code = typeof body.Code === 'string' ? body.Code : `HTTP${response.status}`;
    const message = typeof body.Message === 'string' ? body.Message : '';
    const requestId = typeof body.RequestId === 'string' ? body.RequestId : undefined;
    throw new StsServiceError(response.status, code, serverDate, code === 'NoPermission' ? noPermissionVariant(message) : undefined, requestId);
  }
  return { credentials: readCredentials(body.Credentials, response.status), serverDate };
}

/** `{AccessKeyId, AccessKeySecret, SecurityToken, Expiration}` as STS and company token services return it. */
export function readCredentials(value: unknown, status = 200): OssCredentials & { expiresAt: number } {
  const c = (value ?? {}) as Record<string, unknown>;
  const { AccessKeyId: id, AccessKeySecret: secret, SecurityToken: token, Expiration: expiration } = c;
  if (typeof id !== 'string' || typeof secret !== 'string' || typeof token !== 'string' || typeof expiration !== 'string') {
    throw new StsBadReplyError(status);
  }
  registerSecret(secret);
  registerSecret(token);
  const expiresAt = Date.parse(expiration);
  if (!Number.isFinite(expiresAt)) throw new StsBadReplyError(status);
  return { accessKeyId: id, accessKeySecret: secret, securityToken: token, expiresAt };
}

export function stsUrl(endpoint: string): string {
  const url = new URL(/^https?:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.toString();
}

export function parseHttpDate(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}
