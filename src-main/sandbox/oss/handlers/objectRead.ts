import { pipeline } from 'node:stream/promises';
import { checkConditions } from '../conditional.ts';
import { applyResponseOverrides, objectHeaders } from '../objectHeaders.ts';
import { headerValue } from '../header.ts';
import { ossErrors } from '../ossError.ts';
import { parseRange } from '../range.ts';
import { sendEmpty } from '../respond.ts';
import type { OssHandler, OssScope } from '../scope.ts';
import { httpDate } from '../auth/skew.ts';

async function readObject(scope: OssScope, withBody: boolean): Promise<void> {
  const opened = await scope.ctx.objects.open(scope.bucket, scope.key);
  if (!opened) throw ossErrors.noSuchKey(scope.key);
  try {
    const { meta } = opened;
    const headers = objectHeaders(meta);
    if (checkConditions(scope.req, meta) === 'not-modified') {
      sendEmpty(scope.res, 304, { ETag: meta.etag, 'Last-Modified': httpDate(meta.lastModified) });
      return;
    }
    if (scope.principal.kind !== 'anonymous') applyResponseOverrides(headers, scope.route.query);
    const range = parseRange(scope.req.headers.range, meta.size);
    const strict = headerValue(scope.req, 'x-oss-range-behavior')?.toLowerCase() === 'standard';
    if (range === 'unsatisfiable' && strict) throw ossErrors.invalidRange(meta.size);
    let status = 200;
    let start = 0;
    let end = meta.size - 1;
    if (range && range !== 'unsatisfiable') {
      status = 206;
      ({ start, end } = range);
      headers['Content-Range'] = `bytes ${start}-${end}/${meta.size}`;
    }
    const length = Math.max(0, end - start + 1);
    headers['Content-Length'] = String(length);
    scope.res.writeHead(status, headers);
    if (!withBody || length === 0) {
      scope.res.end();
      return;
    }
    await pipeline([opened.read(start, end), ...scope.outbound, scope.res]);
  } finally {
    await opened.close();
  }
}

export const getObject: OssHandler = (scope) => readObject(scope, true);
export const headObject: OssHandler = (scope) => readObject(scope, false);

export const getObjectMeta: OssHandler = async (scope) => {
  const meta = scope.ctx.objects.head(scope.bucket, scope.key);
  if (!meta) throw ossErrors.noSuchKey(scope.key);
  scope.res.writeHead(200, {
    ETag: meta.etag,
    'Last-Modified': httpDate(meta.lastModified),
    'Content-Length': String(meta.size),
    'x-oss-hash-crc64ecma': meta.crc64,
  });
  scope.res.end();
};
