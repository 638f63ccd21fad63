import type { z } from 'zod';
import { CONNECTION_DEFAULTS, ConnectionFileSchema, type ProfileInputSchema } from '../profile/profileModel.ts';
import { FerryError } from '../errors/ferryError.ts';
import { sourceOf, tokenServiceUrlProblem } from '../credentials/sources/index.ts';
import { BUCKET, LINK_EXPIRY, REGION, ROLE_ARN, endpointProblem, normalizeEndpoint, regionFromEndpoint, type EndpointProblem } from './endpoint.ts';
import type { TextKey } from '../i18n/text.ts';
import { prefixTemplateProblem } from './prefixTemplate.ts';

export type ProfileInput = z.input<typeof ProfileInputSchema>;

const MAX_TEXT = 16 * 1024;
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200e\u200f]/;
const SECRET_FIELD = /secret|token|password|accesskey|signature|credential|privatekey/i;

/** The fields a connection file may carry — all non-secret, derived from the one profile model. */
const ConnectionSchema = ConnectionFileSchema;
type Connection = z.output<typeof ConnectionSchema>;

/** `ferry://connect?…` query names → connection fields (short names keep links readable). */
export const LINK_FIELDS: Record<string, keyof Connection> = {
  name: 'name',
  endpoint: 'endpoint',
  region: 'region',
  bucket: 'bucket',
  prefix: 'prefixTemplate',
  role: 'roleArn',
  sts: 'stsEndpoint',
  duration: 'sessionDurationSeconds',
  expiry: 'defaultLinkExpiry',
  sig: 'signatureVersion',
  source: 'credentialSource',
  tokenService: 'tokenServiceUrl',
};

function invalid(field: string): FerryError {
  return new FerryError('accounts.connectionInvalid', { field });
}

/** A refused address says which rule it broke (never the address itself: it may hold a password). */
const ADDRESS_RULE = {
  'not-a-url': 'accounts.address.notUrl',
  'credentials-in-url': 'accounts.address.credentialsInUrl',
  'has-path': 'accounts.address.hasPath',
  'not-https': 'accounts.address.notHttps',
} as const satisfies Record<EndpointProblem, TextKey>;

function badAddress(field: string, problem: EndpointProblem): FerryError {
  return new FerryError(ADDRESS_RULE[problem], { field });
}

function fromLink(text: string): Record<string, unknown> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FerryError('accounts.connectionUnreadable');
  }
  if (url.protocol !== 'ferry:' || (url.hostname || url.pathname.replace(/^\/+/, '')) !== 'connect') {
    throw new FerryError('accounts.connectionUnreadable');
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of url.searchParams) {
    const field = Object.hasOwn(LINK_FIELDS, key) ? LINK_FIELDS[key] : undefined;
    if (!field && SECRET_FIELD.test(key)) throw new FerryError('accounts.connectionHasSecret');
    if (!field) throw invalid(key.slice(0, 40));
    if (field in out) throw invalid(key);
    out[field] = field === 'sessionDurationSeconds' ? Number(value) : value;
  }
  return out;
}

function fromJson(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new FerryError('accounts.connectionUnreadable');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new FerryError('accounts.connectionUnreadable');
  for (const key of Object.keys(parsed)) {
    if (!Object.hasOwn(ConnectionSchema.shape, key) && SECRET_FIELD.test(key)) throw new FerryError('accounts.connectionHasSecret');
  }
  return parsed as Record<string, unknown>;
}

/**
 * Reads a connection file's text (`*.ferry.json`) or a `ferry://connect?…` link into profile fields.
 * Pure: nothing is saved. Anything unexpected — secrets, unknown fields, odd characters, plain-http
 * endpoints, path tricks in the prefix — is refused with `accounts.connection*`.
 */
export function parseConnection(text: string): ProfileInput {
  if (text.length > MAX_TEXT) throw new FerryError('accounts.connectionTooLarge');
  const trimmed = text.replace(/^\ufeff/, '').trim();
  const raw = /^ferry:/i.test(trimmed) ? fromLink(trimmed) : fromJson(trimmed);
  const result = ConnectionSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.code === 'unrecognized_keys' ? (issue.keys[0] ?? '?') : String(issue?.path[0] ?? '?');
    throw invalid(field.slice(0, 40));
  }
  return checkProfileFields(result.data);
}

/** The same checks for the connect form and for connection files; returns normalised fields. */
export function checkProfileFields(c: Omit<Connection, 'ferry'>): ProfileInput {
  for (const [field, value] of Object.entries(c)) {
    if (typeof value === 'string' && UNSAFE_TEXT.test(value)) throw invalid(field);
  }
  const name = c.name.trim();
  if (!name) throw invalid('name');
  if (!BUCKET.test(c.bucket)) throw invalid('bucket');
  for (const field of ['endpoint', 'stsEndpoint'] as const) {
    const problem = c[field] !== undefined ? endpointProblem(c[field]) : undefined;
    if (problem) throw badAddress(field, problem);
  }
  const region = c.region ?? (c.endpoint ? regionFromEndpoint(c.endpoint) : undefined);
  if (region === undefined || !REGION.test(region)) throw invalid('region');
  if (c.prefixTemplate !== undefined && prefixTemplateProblem(c.prefixTemplate)) throw invalid('prefixTemplate');
  if (c.roleArn !== undefined && !ROLE_ARN.test(c.roleArn)) throw invalid('roleArn');
  if (c.defaultLinkExpiry !== undefined && !LINK_EXPIRY.test(c.defaultLinkExpiry)) throw invalid('defaultLinkExpiry');
  if (c.sessionDurationSeconds !== undefined && (!Number.isInteger(c.sessionDurationSeconds) || c.sessionDurationSeconds < 900 || c.sessionDurationSeconds > 43200)) {
    throw invalid('sessionDurationSeconds');
  }
  const source = c.credentialSource ?? CONNECTION_DEFAULTS.credentialSource;
  const urlProblem = c.tokenServiceUrl !== undefined ? tokenServiceUrlProblem(c.tokenServiceUrl) : undefined;
  if (urlProblem === 'secret-in-url') throw new FerryError('accounts.tokenServiceUrlHasSecret');
  if (urlProblem) throw badAddress('tokenServiceUrl', urlProblem);
  if (sourceOf(source).needsTokenService && !c.tokenServiceUrl) throw invalid('tokenServiceUrl');
  return {
    name,
    bucket: c.bucket,
    region,
    ...(c.endpoint !== undefined ? { endpoint: normalizeEndpoint(c.endpoint) } : {}),
    ...(c.prefixTemplate !== undefined ? { prefixTemplate: c.prefixTemplate } : {}),
    ...(c.roleArn !== undefined ? { roleArn: c.roleArn } : {}),
    ...(c.stsEndpoint !== undefined ? { stsEndpoint: normalizeEndpoint(c.stsEndpoint) } : {}),
    ...(c.sessionDurationSeconds !== undefined ? { sessionDurationSeconds: c.sessionDurationSeconds } : {}),
    ...(c.defaultLinkExpiry !== undefined ? { defaultLinkExpiry: c.defaultLinkExpiry } : {}),
    ...(c.signatureVersion !== undefined ? { signatureVersion: c.signatureVersion } : {}),
    credentialSource: source,
    ...(c.tokenServiceUrl !== undefined ? { tokenServiceUrl: c.tokenServiceUrl } : {}),
  };
}
