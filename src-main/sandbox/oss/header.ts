import type { IncomingMessage } from 'node:http';

/** A request header as one string (repeated headers joined with `,`), or undefined. */
export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/** `x-oss-forbid-overwrite: true` (PutObject, CopyObject, Initiate- and CompleteMultipartUpload). */
export function forbidsOverwrite(req: IncomingMessage): boolean {
  return headerValue(req, 'x-oss-forbid-overwrite')?.toLowerCase() === 'true';
}
