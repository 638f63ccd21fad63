import type { IncomingMessage } from 'node:http';
import type { ObjectMeta } from '../storage/objectFile.ts';
import { etagsEqual } from './objectHeaders.ts';
import { ossErrors } from './ossError.ts';

/** If-Match / If-Unmodified-Since → 412; If-None-Match / If-Modified-Since → 304 ('not-modified'). */
export function checkConditions(req: IncomingMessage, meta: ObjectMeta): 'ok' | 'not-modified' {
  const ifMatch = req.headers['if-match'];
  if (ifMatch !== undefined && !ifMatch.split(',').some((e) => e.trim() === '*' || etagsEqual(e, meta.etag))) {
    throw ossErrors.preconditionFailed('If-Match');
  }
  const unmodifiedSince = Date.parse(req.headers['if-unmodified-since'] ?? '');
  if (Number.isFinite(unmodifiedSince) && Math.floor(meta.lastModified / 1000) * 1000 > unmodifiedSince) {
    throw ossErrors.preconditionFailed('If-Unmodified-Since');
  }
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.split(',').some((e) => e.trim() === '*' || etagsEqual(e, meta.etag)) ? 'not-modified' : 'ok';
  }
  const modifiedSince = Date.parse(req.headers['if-modified-since'] ?? '');
  if (Number.isFinite(modifiedSince) && Math.floor(meta.lastModified / 1000) * 1000 <= modifiedSince) return 'not-modified';
  return 'ok';
}
