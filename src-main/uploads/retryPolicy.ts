import { classifyNetworkError } from '../oss/classifyError.ts';

/** What to do after a failed OSS request. */
export type FailureKind =
  /** Network, 5xx, throttling, a checksum mismatch: wait and try again. */
  | 'transient'
  /** The temporary token expired or was rejected: ask the broker for new credentials, then retry. */
  | 'renew'
  /** The local clock is off: learn the server time, then retry. */
  | 'skew'
  /** `x-oss-forbid-overwrite` refused: a file of that name is already there. */
  | 'exists'
  /** The multipart upload no longer exists on the server. */
  | 'noSuchUpload'
  | 'fatal';

interface OssLikeError {
  status?: number;
  code?: string;
  name?: string;
}

const THROTTLING = /^(Throttling|SlowDown|TooManyRequests|RequestTimeout|ServiceUnavailable|InternalError)/;

export function failureKind(error: unknown): FailureKind {
  if (error instanceof CrcMismatchError) return 'transient';
  const e = (error ?? {}) as OssLikeError;
  if (e.code === 'SecurityTokenExpired' || e.code === 'InvalidSecurityToken') return 'renew';
  if (e.code === 'RequestTimeTooSkewed') return 'skew';
  if (e.code === 'FileAlreadyExists') return 'exists';
  if (e.code === 'NoSuchUpload') return 'noSuchUpload';
  if (typeof e.status === 'number' && (e.status >= 500 || e.status === 429)) return 'transient';
  if (e.code && THROTTLING.test(e.code)) return 'transient';
  if (classifyNetworkError(error)) return 'transient';
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && /^(ECONNRESET|EPIPE|ETIMEDOUT|ECONNREFUSED|ECONNABORTED|UND_ERR_)/.test(code)) return 'transient';
  return 'fatal';
}

/** Exponential backoff with ±50% jitter: 250 ms, 500 ms, 1 s … capped at `capMs`. */
export function backoffDelay(attempt: number, random: () => number = Math.random, baseMs = 250, capMs = 8_000): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.5 + random()));
}

/** The data OSS stored is not what Ferry sent (CRC-64 differs). Never "done"; retried like a network error. */
export class CrcMismatchError extends Error {
  override name = 'CrcMismatchError';
  constructor(
    readonly expected: bigint,
    readonly actual: string | undefined,
  ) {
    super(`CRC-64 mismatch: sent ${expected}, server has ${actual ?? 'none'}`);
  }
}
