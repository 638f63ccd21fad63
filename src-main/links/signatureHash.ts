import { createHash } from 'node:crypto';

/** The query parameters that carry a presigned URL's signature (V4, then V1). */
const SIGNATURE_PARAMS = ['x-oss-signature', 'Signature'] as const;

/**
 * SHA-256 (hex) of a share link's signature, read from a full URL or from the path-and-query an access
 * log records. Links are bearer tokens: the ledger keeps this hash, never the signature, so an access-log
 * line can be matched to the link it opened without the ledger being able to open anything.
 */
export function signatureHashOf(urlOrRequestUri: string): string | undefined {
  const q = urlOrRequestUri.indexOf('?');
  if (q < 0) return undefined;
  let query: URLSearchParams;
  try {
    query = new URLSearchParams(urlOrRequestUri.slice(q + 1).split('#')[0]);
  } catch {
    return undefined;
  }
  for (const name of SIGNATURE_PARAMS) {
    const value = query.get(name);
    if (value) return createHash('sha256').update(value).digest('hex');
  }
  return undefined;
}
