import { createHmac } from 'node:crypto';
import type { Agent as HttpAgent } from 'node:http';
import OSS from 'ali-oss';
import type { Profile } from '../profile/profileModel.ts';
import type { OssCredentials } from '../credentials/types.ts';
import { abortableUrllib, type Urllib } from './abortableRequest.ts';

export interface OssClientOptions {
  /** Server time minus local time (broker.clockOffsetMs()), so requests are signed with corrected time. */
  clockOffsetMs?: number;
  /** Per-request timeout in ms (ali-oss applies it to the whole response). */
  timeoutMs?: number;
  /** Agents for http and https endpoints (the network's proxy routing); ali-oss's own when absent. */
  agent?: HttpAgent;
  httpsAgent?: HttpAgent;
}

/** Path-style addressing for the sandbox, IP addresses, localhost and custom (non-Alibaba) endpoints. */
export function usesPathStyle(profile: Pick<Profile, 'endpoint' | 'isSandbox'>): boolean {
  if (profile.isSandbox) return true;
  try {
    const host = new URL(withScheme(profile.endpoint)).hostname;
    return !host.endsWith('.aliyuncs.com');
  } catch {
    return true;
  }
}

function withScheme(endpoint: string): string {
  return /^https?:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
}

/**
 * An ali-oss client for one profile and one set of credentials. Credentials are never refreshed inside
 * ali-oss (no refreshSTSToken): the broker hands out fresh ones and callers build a new client.
 * Errors carry `serverDate` (ms epoch from the Date header) so skew can be learned from them. A request
 * given `ctx: { signal }` stops when the signal aborts.
 */
export function createOssClient(profile: Profile, credentials: OssCredentials, options: OssClientOptions = {}): OSS {
  const endpoint = withScheme(profile.endpoint);
  const config: OSS.Options & Record<string, unknown> = {
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.accessKeySecret,
    ...(credentials.securityToken ? { stsToken: credentials.securityToken } : {}),
    // Only here to silence ali-oss's "set refreshSTSToken" warning; without refreshSTSToken it is unused.
    refreshSTSTokenInterval: 3_600_000,
    bucket: profile.bucket,
    endpoint,
    region: `oss-${profile.region}`,
    secure: endpoint.startsWith('https:'),
    authorizationV4: profile.signatureVersion === 'v4',
    sldEnable: usesPathStyle(profile),
    timeout: options.timeoutMs ?? 60_000,
    retryMax: 0,
    amendTimeSkewed: options.clockOffsetMs ?? 0,
    ...(options.agent ? { agent: options.agent } : {}),
    ...(options.httpsAgent ? { httpsAgent: options.httpsAgent } : {}),
  };
  const client = new OSS(config);
  attachServerDate(client);
  const http = client as unknown as { urllib: Urllib };
  http.urllib = abortableUrllib(http.urllib);
  return client;
}

type RawResult = { headers?: Record<string, string | string[] | undefined> };

/** ali-oss drops the response headers from its errors; keep the Date header for skew learning. */
function attachServerDate(client: OSS): void {
  const target = client as unknown as { requestError(result: RawResult): Promise<Error & { serverDate?: number }> };
  const original = target.requestError.bind(client);
  target.requestError = async (result: RawResult) => {
    const error = await original(result);
    const date = result.headers?.date;
    const ms = typeof date === 'string' ? Date.parse(date) : NaN;
    if (Number.isFinite(ms)) error.serverDate = ms;
    return error;
  };
}

/**
 * A presigned GET URL for `key`, valid `expiresSeconds` seconds — for "Test connection" only (the
 * product's share links come from the links capability). V4 through ali-oss; V1 signed here, because
 * ali-oss's signatureUrl refuses IP endpoints such as the sandbox's.
 */
export async function presignGet(
  client: OSS,
  profile: Profile,
  credentials: OssCredentials,
  key: string,
  expiresSeconds: number,
  nowMs = Date.now(),
): Promise<string> {
  if (profile.signatureVersion === 'v4') return client.signatureUrlV4('GET', expiresSeconds, undefined, key);
  const expires = Math.floor(nowMs / 1000) + expiresSeconds;
  const resource = `/${profile.bucket}/${key}${credentials.securityToken ? `?security-token=${credentials.securityToken}` : ''}`;
  const signature = createHmac('sha1', credentials.accessKeySecret).update(`GET\n\n\n${expires}\n${resource}`).digest('base64');
  const base = withScheme(profile.endpoint).replace(/\/+$/, '');
  const path = key.split('/').map(encodeURIComponent).join('/');
  const url = new URL(usesPathStyle(profile) ? `${base}/${profile.bucket}/${path}` : `${base.replace('://', `://${profile.bucket}.`)}/${path}`);
  url.searchParams.set('OSSAccessKeyId', credentials.accessKeyId);
  url.searchParams.set('Expires', String(expires));
  url.searchParams.set('Signature', signature);
  if (credentials.securityToken) url.searchParams.set('security-token', credentials.securityToken);
  return url.toString();
}

/**
 * After an OSS RequestTimeTooSkewed, teach the broker the server's time from the reply's Date header.
 * Returns true when the caller should build a new client (with the new offset) and retry once.
 */
export function learnSkewFrom(error: unknown, broker: { learnServerTime(serverDate: Date): void }): boolean {
  const e = error as { code?: unknown; serverDate?: unknown } | undefined;
  if (e?.code !== 'RequestTimeTooSkewed' || typeof e.serverDate !== 'number') return false;
  broker.learnServerTime(new Date(e.serverDate));
  return true;
}
