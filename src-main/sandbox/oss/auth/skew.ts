import { MAX_SKEW_MS } from '../../context.ts';
import { ossErrors } from '../ossError.ts';

/** RFC 1123, as the Date header and OSS error bodies write times. */
export const httpDate = (ms: number): string => new Date(ms).toUTCString();
/** `2012-12-25T09:47:52.000Z` */
export const isoMillis = (ms: number): string => new Date(ms).toISOString();

export function checkSkew(requestTime: number, now: number): void {
  if (Math.abs(requestTime - now) > MAX_SKEW_MS) throw ossErrors.timeSkewed(isoMillis(requestTime), isoMillis(now));
}
