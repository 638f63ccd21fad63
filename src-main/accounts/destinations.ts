/**
 * Where a connection sends the company key's signatures and the user's files, and which of those hosts
 * Ferry trusts without asking. The rule: Alibaba Cloud's own domain (`aliyuncs.com` and its subdomains —
 * every OSS and STS endpoint, China and international) and this computer (the built-in sandbox) are
 * trusted; any other host is used only after the person confirms it by name in a dialog main owns.
 */
import type { CredentialSourceKind } from '../profile/profileModel.ts';
import { sourceOf } from '../credentials/sources/index.ts';
import { DEFAULT_STS_ENDPOINT } from '../credentials/stsClient.ts';
import { endpointForRegion } from './endpoint.ts';

export type DestinationRole = 'storage' | 'sts' | 'token-service';

export interface Destination {
  role: DestinationRole;
  /** Host (and port, if any) as a person should read it: `oss-cn-hangzhou.aliyuncs.com`. */
  host: string;
  /** Alibaba Cloud's own domain or this computer: no extra confirmation. */
  trusted: boolean;
}

/** The fields of a profile (stored or typed) that decide where requests go. */
export interface ReachFields {
  endpoint?: string | undefined;
  region?: string | undefined;
  stsEndpoint?: string | undefined;
  roleArn?: string | undefined;
  tokenServiceUrl?: string | undefined;
  credentialSource?: CredentialSourceKind | undefined;
  isSandbox?: boolean | undefined;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isTrustedHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'aliyuncs.com' || host.endsWith('.aliyuncs.com') || LOOPBACK.has(host);
}

function hostOf(address: string): { host: string; hostname: string } | undefined {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(address) ? address : `https://${address}`);
    return { host: url.host.toLowerCase(), hostname: url.hostname.toLowerCase() };
  } catch {
    return undefined;
  }
}

function destination(role: DestinationRole, address: string | undefined): Destination[] {
  const parsed = address ? hostOf(address) : undefined;
  return parsed ? [{ role, host: parsed.host, trusted: isTrustedHost(parsed.hostname) }] : [];
}


/** Every host this connection would talk to, in the order a request meets them. */
export function destinationsOf(fields: ReachFields, env: NodeJS.ProcessEnv = {}): Destination[] {
  if (fields.isSandbox) return [];
  const source = sourceOf(fields.credentialSource);
  const storage = fields.endpoint?.trim() || (fields.region?.trim() ? endpointForRegion(fields.region.trim()) : undefined);
  return [
    ...(source.needsTokenService ? destination('token-service', fields.tokenServiceUrl) : []),
    ...(source.signsAtSts(env, fields.roleArn) ? destination('sts', fields.stsEndpoint?.trim() || DEFAULT_STS_ENDPOINT) : []),
    ...destination('storage', storage),
  ];
}

/** The hosts outside Alibaba Cloud and this computer, each once. */
export function untrustedHosts(fields: ReachFields, env: NodeJS.ProcessEnv = {}): string[] {
  return [...new Set(destinationsOf(fields, env).filter((d) => !d.trusted).map((d) => d.host))];
}
