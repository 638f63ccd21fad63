import { pipeline } from 'node:stream/promises';
import { checkConditions } from '../conditional.ts';
import { applyResponseOverrides, objectHeaders } from '../objectHeaders.ts';
import { headerValue } from '../header.ts';
import { ossErrors } from '../ossError.ts';
import { parseRange } from '../range.ts';
import { sendEmpty } from '../respond.ts';
import type { ObjectMeta } from '../../storage/objectFile.ts';
import type { OssHandler, OssScope } from '../scope.ts';
import { httpDate } from '../auth/skew.ts';

interface Reply {
  status: number;
  headers: Record<string, string>;
  start: number;
  end: number;
}

/** Status, headers and byte range of a GET or HEAD of `meta`, or undefined once a 304 has been sent. */
function plan(scope: OssScope, meta: ObjectMeta): Reply | undefined {
  const headers = objectHeaders(meta);
  if (checkConditions(scope.req, meta) === 'not-modified') {
    sendEmpty(scope.res, 304, { ETag: meta.etag, 'Last-Modified': httpDate(meta.lastModified) });
    return undefined;
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
  headers['Content-Length'] = String(Math.max(0, end - start + 1));
  return { status, headers, start, end };
}

export const getObject: OssHandler = async (scope) => {
  const opened = await scope.ctx.objects.open(scope.bucket, scope.key);
  if (!opened) throw ossErrors.noSuchKey(scope.key);
  try {
    const reply = plan(scope, opened.meta);
    if (!reply) return;
    scope.res.writeHead(reply.status, reply.headers);
    if (reply.end < reply.start) {
      scope.res.end();
    } else if (opened.bytes && scope.outbound.length === 0) {
      scope.res.end(opened.bytes.subarray(reply.start, reply.end + 1));
    } else {
      await pipeline([opened.read(reply.start, reply.end), ...scope.outbound, scope.res]);
    }
  } finally {
    await opened.close();
  }
};

/** HEAD answers from the index: it holds what the last committed write of the key made (nothing is read). */
export const headObject: OssHandler = async (scope) => {
  const meta = scope.ctx.objects.head(scope.bucket, scope.key);
  if (!meta) throw ossErrors.noSuchKey(scope.key);
  const reply = plan(scope, meta);
  if (!reply) return;
  scope.res.writeHead(reply.status, reply.headers);
  scope.res.end();
};

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
