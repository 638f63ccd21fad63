import { FerryError, isFerryError } from '../errors/ferryError.ts';
import type { Network } from '../network/network.ts';
import { classifyProxyError } from '../network/proxyFailure.ts';
import { classifyNetworkError, classifyOssResponse } from '../oss/classifyError.ts';

/** What a link's first byte said: it opens (with the object's size when the reply gave it), or it could not be tested from here. */
export type LinkCheck = { opens: true; size?: number } | { opens: false; unchecked: 'ipRestricted' };

export interface CheckTarget {
  url: string;
  /** The file's name, for messages. */
  name: string;
  bucket: string;
  /** The link only opens from this address or range. */
  sourceIp?: string | undefined;
}

const CHECK_TIMEOUT_MS = 15_000;
/** Sent with the check so "opened" receipts (receipts/) do not count Ferry's own first-byte request as an open. */
export const LINK_CHECK_AGENT = 'Ferry-link-check/1';

/** Codes OSS answers with when the signature or its time is wrong for this computer's clock. */
const CLOCK = new Set(['oss.clockSkew', 'oss.linkExpired']);
/** Codes that mean the credentials the link was signed with no longer count. */
const SESSION = new Set(['oss.tokenExpired', 'oss.keyNotFound', 'oss.invalidToken']);

/**
 * Requests the link's first byte (a ranged GET: a URL signed for GET refuses HEAD) through the same network
 * path as every other request, so a link that would not open is never reported as copied. Throws a
 * FerryError naming the cause in plain words.
 */
export async function checkLink(network: Pick<Network, 'fetch'>, target: CheckTarget): Promise<LinkCheck> {
  let response: Response;
  try {
    response = await network.fetch(target.url, { headers: { Range: 'bytes=0-0', 'User-Agent': LINK_CHECK_AGENT }, redirect: 'error', signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
  } catch (error) {
    throw classifyProxyError(error) ?? classifyNetworkError(error) ?? new FerryError('links.unverified.rejected', { code: 'network' }, { cause: error });
  }
  if (response.status === 206 || response.status === 200) {
    await response.body?.cancel().catch(() => undefined);
    const size = sizeFrom(response);
    return size === undefined ? { opens: true } : { opens: true, size };
  }
  const failure = classifyOssResponse(response.status, await response.text().catch(() => ''), target.bucket);
  throw toLinkFailure(failure, target);
}

/** The storage service's refusal of a link, as the reason it was not copied. */
export function toLinkFailure(failure: FerryError, target: Pick<CheckTarget, 'name' | 'sourceIp'>): FerryError {
  const options = { cause: failure };
  if (CLOCK.has(failure.code)) return new FerryError('links.unverified.clock', {}, options);
  if (SESSION.has(failure.code)) return new FerryError('links.unverified.session', {}, options);
  if (failure.code === 'oss.noSuchKey') return new FerryError('links.objectMissing', { name: target.name }, options);
  if (failure.code === 'oss.accessDenied' || failure.code === 'oss.wrongSecret') {
    // A link limited to an address range answers this way to anyone outside it, this computer included.
    if (target.sourceIp) throw new IpRestricted(failure);
    return new FerryError('links.unverified.denied', {}, options);
  }
  if (isFerryError(failure) && failure.code.startsWith('oss.') && failure.code !== 'oss.rejected') return failure;
  return new FerryError('links.unverified.rejected', { code: String(failure.params.code ?? failure.code) }, options);
}

/** Internal: the link refused this computer because of its own IP restriction (by design, not a fault). */
class IpRestricted extends Error {
  constructor(readonly failure: FerryError) {
    super('ip restricted');
  }
}

/** checkLink, with a link that excludes this computer by its IP restriction reported as not checked rather than thrown. */
export async function verifyLink(network: Pick<Network, 'fetch'>, target: CheckTarget): Promise<LinkCheck> {
  try {
    return await checkLink(network, target);
  } catch (error) {
    if (error instanceof IpRestricted) return { opens: false, unchecked: 'ipRestricted' };
    throw error;
  }
}

/** `Content-Range: bytes 0-0/1234` → 1234 (a 200 answers with the whole object: its length). */
function sizeFrom(response: Response): number | undefined {
  const range = /\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '');
  const value = range ? range[1] : response.status === 200 ? response.headers.get('content-length') : undefined;
  const size = value == null ? NaN : Number(value);
  return Number.isSafeInteger(size) && size >= 0 ? size : undefined;
}
