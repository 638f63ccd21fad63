/**
 * Raw STS failures, kept structured so the classifier can map them without copying server text into a
 * message. `variant` distinguishes the three NoPermission meanings.
 */
export class StsServiceError extends Error {
  override name = 'StsServiceError';
  constructor(
    readonly status: number,
    readonly code: string,
    /** ms epoch from the response's Date header, when present. */
    readonly serverDate: number | undefined,
    readonly variant: 'root-account' | 'not-trusted' | 'not-authorized' | undefined,
    readonly requestId: string | undefined,
  ) {
    super(`STS answered ${status} ${code}${requestId ? ` (request ${requestId})` : ''}`);
  }
}

/** The STS endpoint answered something that is not STS (a proxy page, a captive portal, HTML). */
export class StsBadReplyError extends Error {
  override name = 'StsBadReplyError';
  constructor(readonly status: number) {
    super(`STS endpoint replied ${status} with an unreadable body`);
  }
}

export function noPermissionVariant(message: string): StsServiceError['variant'] {
  if (/root account/i.test(message)) return 'root-account';
  if (/does not trust|not trust you/i.test(message)) return 'not-trusted';
  return 'not-authorized';
}

const TRANSIENT = /^(InternalError|ServiceUnavailable|Throttling.*|SignatureNonceUsed|RequestTimeout)$/;

export function isTransientStsError(error: unknown): boolean {
  if (error instanceof StsServiceError) return error.status >= 500 || TRANSIENT.test(error.code);
  if (error instanceof StsBadReplyError) return error.status >= 500;
  return isNetworkError(error);
}

const NETWORK_CODES = /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|UND_ERR_.*|ABORT_ERR)$/;

/** fetch() failures carry the socket error as `cause`; aborts (our timeout) are TimeoutError/AbortError. */
export function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'NetworkFailure' || (error instanceof TypeError && /fetch failed/i.test(error.message))) {
    return error.cause === undefined || isNetworkError(error.cause);
  }
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  const code = (error.cause as { code?: string } | undefined)?.code ?? (error as { code?: string }).code;
  return typeof code === 'string' && NETWORK_CODES.test(code);
}
