import { randomBytes, randomUUID } from 'node:crypto';

const ossPrefix = randomBytes(6).toString('hex').toUpperCase();
let ossCount = 0;

/** OSS request ids: 24 upper-case hex characters, a random prefix per process and a counter (unique, cheap). */
export function ossRequestId(): string {
  ossCount = (ossCount + 1) % 2 ** 48;
  return ossPrefix + ossCount.toString(16).toUpperCase().padStart(12, '0');
}

/** POP (STS) request ids: upper-case UUIDs. */
export function popRequestId(): string {
  return randomUUID().toUpperCase();
}
