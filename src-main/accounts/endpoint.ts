/** `oss-cn-hangzhou.aliyuncs.com` (any scheme, -internal/-accelerate aside) → `cn-hangzhou`. */
export function regionFromEndpoint(endpoint: string): string | undefined {
  try {
    const host = new URL(/^https?:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`).hostname;
    const match = /^oss-([a-z]+(?:-[a-z0-9]+)+?)(?:-internal)?\.aliyuncs\.com$/.exec(host);
    return match?.[1];
  } catch {
    return undefined;
  }
}

export function endpointForRegion(region: string): string {
  return `https://oss-${region}.aliyuncs.com`;
}

export const REGION = /^[a-z]{2,}(-[a-z0-9]+)+$/;
export const BUCKET = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
export const ROLE_ARN = /^acs:ram::\d{1,32}:role\/[A-Za-z0-9._-]{1,64}$/;
export const LINK_EXPIRY = /^[1-9]\d{0,3}[mhd]$/;

export type EndpointProblem = 'not-a-url' | 'credentials-in-url' | 'has-path' | 'not-https';

/** Problems with an OSS/STS endpoint a user or a connection file supplied; undefined when fine. */
export function endpointProblem(value: string): EndpointProblem | undefined {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`);
  } catch {
    return 'not-a-url';
  }
  if (url.username || url.password) return 'credentials-in-url';
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return 'not-https';
  if (url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return 'has-path';
  return undefined;
}

/** `https://host[:port]` without a trailing slash. */
export function normalizeEndpoint(value: string): string {
  const url = new URL(/^https?:\/\//i.test(value) ? value : `https://${value}`);
  return `${url.protocol}//${url.host}`;
}
