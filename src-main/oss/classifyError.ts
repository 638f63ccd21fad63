import { FerryError } from '../errors/ferryError.ts';

/** A socket-level failure talking to `host` (kept so messages can name the server, never the URL). */
export class NetworkFailure extends Error {
  override name = 'NetworkFailure';
  constructor(
    readonly host: string,
    cause: unknown,
  ) {
    super(`network failure talking to ${host}`, { cause });
  }
}

interface AliOssError {
  name?: string;
  code?: string;
  status?: number;
  message?: string;
  ecCode?: string;
}

const TLS = /CERT|SSL|TLS|EPROTO|self[- ]signed|certificate/i;
const DNS = /ENOTFOUND|EAI_AGAIN|EAI_NONAME|getaddrinfo/;
const REFUSED = /ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL/;
// Word-bounded "timeout": urllib messages carry agent counters such as "timeoutSocketCount".
const TIMEOUT = /ETIMEDOUT|TimeoutError|ConnectionTimeout|ResponseTimeout|\btimed? ?out\b|UND_ERR_.*TIMEOUT/i;
const RESET = /ECONNRESET|EPIPE|socket hang up|UND_ERR_SOCKET|other side closed/i;
const PROXY = /proxy|ERR_TUNNEL|\b407\b/i;

function hostFromText(text: string): string | undefined {
  const match = /\bhttps?:\/\/([^/\s:?#]+(?::\d+)?)/.exec(text);
  return match?.[1];
}

/** Everything that describes a low-level failure, including nested `cause`s (fetch wraps them). */
function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    parts.push(String(e.name ?? ''), String(e.code ?? ''), String(e.message ?? ''));
    if (Array.isArray(e.errors)) parts.push(...e.errors.map((inner) => describe(inner)));
    current = e.cause;
  }
  return parts.join(' ');
}

/** Socket, DNS, TLS, proxy and timeout failures, from fetch or from ali-oss (status -1 / -2). */
export function classifyNetworkError(error: unknown): FerryError | undefined {
  const isWrapped = error instanceof NetworkFailure;
  const e = error as AliOssError | undefined;
  const aliNetwork = e && (e.status === -1 || e.status === -2 || /^(RequestError|ConnectionTimeoutError|ResponseTimeoutError)$/.test(e.name ?? ''));
  const fetchFailure = error instanceof TypeError && /fetch failed/i.test(error.message);
  const abort = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
  if (!isWrapped && !aliNetwork && !fetchFailure && !abort) return undefined;
  const text = describe(isWrapped ? error.cause : error);
  const host = isWrapped ? error.host : (hostFromText(e?.message ?? '') ?? 'the server');
  const params = { host };
  const options = { cause: error };
  if (DNS.test(text)) return new FerryError('oss.dnsFailed', params, options);
  if (TLS.test(text)) return new FerryError('oss.tlsFailed', params, options);
  if (PROXY.test(text)) return new FerryError('oss.proxyFailed', params, options);
  if (REFUSED.test(text)) return new FerryError('oss.unreachable', params, options);
  if (TIMEOUT.test(text) || abort) return new FerryError('oss.timeout', params, options);
  // ali-oss gives -2 to any failure while reading the response, a dropped connection included.
  if (RESET.test(text)) return new FerryError('oss.connectionReset', params, options);
  if (e?.status === -2) return new FerryError('oss.timeout', params, options);
  return new FerryError('oss.unreachable', params, options);
}

/** ali-oss service errors (parsed OSS error XML) → FerryError. The server's text is read, never copied. */
export function classifyOssError(error: unknown): FerryError | undefined {
  const network = classifyNetworkError(error);
  if (network) return network;
  const e = error as AliOssError & { bucket?: string; params?: { bucket?: string } };
  if (!e || typeof e !== 'object' || typeof e.status !== 'number' || typeof e.code !== 'string') return undefined;
  const message = e.message ?? '';
  const options = { cause: error };
  const bucket = e.params?.bucket ?? '';
  switch (e.code) {
    case 'SignatureDoesNotMatch':
      return new FerryError('oss.wrongSecret', {}, options);
    case 'RequestTimeTooSkewed':
      return new FerryError('oss.clockSkew', {}, options);
    case 'SecurityTokenExpired':
      return new FerryError('oss.tokenExpired', {}, options);
    case 'InvalidSecurityToken':
    case 'AccessKeyIdAndSecurityTokenNotMatch':
      return new FerryError('oss.invalidToken', {}, options);
    case 'InvalidAccessKeyId':
      return new FerryError('oss.keyNotFound', {}, options);
    case 'NoSuchBucket':
      return new FerryError('oss.noSuchBucket', { bucket }, options);
    case 'NoSuchKey':
      return new FerryError('oss.noSuchKey', {}, options);
    case 'PermanentRedirect':
      return new FerryError('oss.wrongEndpoint', {}, options);
    case 'InvalidArgument':
      if (/region/i.test(message)) return new FerryError('oss.wrongRegion', {}, options);
      break;
    case 'AccessDenied':
      if (/specified endpoint/i.test(message)) return new FerryError('oss.wrongEndpoint', {}, options);
      if (/request has expired/i.test(message)) return new FerryError('oss.linkExpired', {}, options);
      if (/anonymous/i.test(message)) return new FerryError('oss.anonymous', {}, options);
      if (/bucket acl/i.test(message)) return new FerryError('oss.bucketAcl', {}, options);
      if (/region/i.test(message)) return new FerryError('oss.wrongRegion', {}, options);
      return new FerryError('oss.accessDenied', {}, options);
  }
  if (e.status >= 500) return new FerryError('oss.serverError', { status: e.status }, options);
  if (e.status === 407) return new FerryError('oss.proxyFailed', { host: 'the proxy' }, options);
  return new FerryError('oss.rejected', { code: e.code.replace(/[^\w.-]/g, '').slice(0, 60) }, options);
}

/** A raw OSS HTTP reply (e.g. fetching a presigned link) → FerryError, from its status and error XML. */
export function classifyOssResponse(status: number, body: string, bucket = ''): FerryError {
  const field = (name: string): string | undefined => new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1];
  const error = { status, code: field('Code') ?? `HTTP${status}`, message: field('Message') ?? '', params: { bucket } };
  return classifyOssError(error) ?? new FerryError('oss.rejected', { code: `HTTP${status}` });
}
