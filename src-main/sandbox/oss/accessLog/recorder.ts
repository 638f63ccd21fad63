import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from '../auth/principal.ts';
import type { OperationName } from '../operations.ts';
import type { OssRoute } from '../route.ts';
import type { OssContext } from '../scope.ts';
import { formatAccessLogLine } from './format.ts';

/** Operations whose log line carries the change in stored bytes (OSS: "-" for requests that upload nothing). */
const UPLOADS = new Set<OperationName>(['PutObject', 'CopyObject', 'CompleteMultipartUpload']);

/** What the OSS handler learns about a request while answering it. */
export interface AccessFacts {
  requestId: string;
  receivedAt: number;
  startedHr: number;
  sourceIp: string;
  route: OssRoute | undefined;
  op: OperationName | undefined;
  principal: Principal | undefined;
  errorCode: string | undefined;
  sizeBefore: number | undefined;
}

/** A stable 16-digit id for a RAM user or role (the sandbox has no UIDs; OSS logs the requester's). */
function numericId(ctx: OssContext, name: string): string {
  const digest = createHash('sha256').update(`${ctx.directory.accountId}/${name}`).digest();
  return (digest.readBigUInt64BE(0) % 10n ** 16n).toString().padStart(16, '2');
}

function requesterId(ctx: OssContext, principal: Principal | undefined): string | undefined {
  if (!principal || principal.kind === 'anonymous') return undefined;
  if (principal.kind === 'user') return principal.user.root ? ctx.directory.accountId : numericId(ctx, `user/${principal.user.name}`);
  return numericId(ctx, `role/${principal.role.name}`);
}

function requestLength(req: IncomingMessage): number {
  let n = `${req.method} ${req.url} HTTP/${req.httpVersion}\r\n`.length + 2;
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) n += req.rawHeaders[i]!.length + req.rawHeaders[i + 1]!.length + 4;
  return n + Number(req.headers['content-length'] ?? 0);
}

/** Adds the request to its bucket's access log when the bucket has logging on (called once the reply is done). */
export function recordAccess(ctx: OssContext, req: IncomingMessage, res: ServerResponse, facts: AccessFacts): void {
  const bucket = facts.route?.bucket;
  if (bucket === undefined || !ctx.directory.bucket(bucket)) return;
  const rule = ctx.logging.get(bucket);
  if (!rule) return;
  const key = facts.route?.key;
  const meta = key === undefined ? undefined : ctx.objects.head(bucket, key);
  const elapsed = Math.round(performance.now() - facts.startedHr);
  const principal = facts.principal;
  const line = formatAccessLogLine({
    remoteIp: facts.sourceIp,
    time: facts.receivedAt,
    method: req.method ?? 'GET',
    requestUri: req.url ?? '/',
    httpVersion: req.httpVersion,
    status: res.statusCode,
    sentBytes: req.method === 'HEAD' ? 0 : Number(res.getHeader('content-length') ?? 0),
    requestTimeMs: elapsed,
    referer: req.headers.referer,
    userAgent: req.headers['user-agent'],
    host: req.headers.host,
    requestId: facts.requestId,
    requesterId: requesterId(ctx, principal),
    operation: facts.op,
    bucket,
    key,
    objectSize: meta?.size,
    serverCostMs: elapsed,
    errorCode: facts.errorCode,
    requestLength: requestLength(req),
    ownerId: ctx.directory.accountId,
    deltaDataSize: facts.op && UPLOADS.has(facts.op) && facts.errorCode === undefined ? (meta?.size ?? 0) - (facts.sizeBefore ?? 0) : undefined,
    storageClass: key === undefined ? undefined : 'Standard',
    accessKeyId: principal && principal.kind !== 'anonymous' ? principal.accessKeyId : undefined,
  });
  ctx.accessLogs.record(bucket, rule, line);
}
