import { randomBytes, randomUUID } from 'node:crypto';

/** OSS request ids: 24 upper-case hex characters. */
export function ossRequestId(): string {
  return randomBytes(12).toString('hex').toUpperCase();
}

/** POP (STS) request ids: upper-case UUIDs. */
export function popRequestId(): string {
  return randomUUID().toUpperCase();
}
