import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Transform } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { ResetAfter, type FaultInjector } from '../faults.ts';
import { normalizeIp } from '../policy/ipRange.ts';
import { ossRequestId } from '../requestId.ts';
import { authenticate } from './auth/authenticate.ts';
import { authorize } from './authorize.ts';
import { HANDLERS } from './handlers/index.ts';
import { ACTION, AUTHORIZED_PER_OBJECT, identifyOperation, resourceArn, type OperationName } from './operations.ts';
import { OssError, ossErrors } from './ossError.ts';
import { dateWhenSent, sendError } from './respond.ts';
import { parseRoute, type OssRoute } from './route.ts';
import type { OssContext } from './scope.ts';
import { Throttle, TRAFFIC_LIMIT_MAX, TRAFFIC_LIMIT_MIN } from './throttle.ts';
import { logger } from '../../log/logger.ts';
import { recordAccess, type AccessFacts } from './accessLog/recorder.ts';
import { anonymousMayRead } from './objectAcl.ts';

const log = logger('sandbox');

const BODY_OPS = new Set<OperationName>(['PutObject', 'UploadPart']);

function trafficLimit(req: IncomingMessage, route: OssRoute): number | undefined {
  const raw = route.query.get('x-oss-traffic-limit') ?? (req.headers['x-oss-traffic-limit'] as string | undefined);
  if (raw === undefined) return undefined;
  const bits = Number(raw);
  if (!/^\d+$/.test(raw) || bits < TRAFFIC_LIMIT_MIN || bits > TRAFFIC_LIMIT_MAX) {
    throw ossErrors.invalidArgument(`x-oss-traffic-limit must be between ${TRAFFIC_LIMIT_MIN} and ${TRAFFIC_LIMIT_MAX}.`, 'x-oss-traffic-limit', raw);
  }
  return bits / 8;
}

function conditionContext(op: OperationName, route: OssRoute): Record<string, string | undefined> {
  if (op === 'ListObjects' || op === 'ListObjectsV2') {
    return { 'oss:Prefix': route.query.get('prefix') ?? '', 'oss:Delimiter': route.query.get('delimiter') };
  }
  return {};
}

export function createOssHandler(ctx: OssContext, faults: FaultInjector): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handle(ctx, faults, req, res);
  };
}

async function handle(ctx: OssContext, faults: FaultInjector, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = ossRequestId();
  const facts: AccessFacts = {
    requestId,
    receivedAt: ctx.clock.now(),
    startedHr: performance.now(),
    sourceIp: normalizeIp(req.socket.remoteAddress ?? ''),
    route: undefined,
    op: undefined,
    principal: undefined,
    errorCode: undefined,
    sizeBefore: undefined,
  };
  res.once('close', () => recordAccess(ctx, req, res, facts));
  res.setHeader('Server', 'AliyunOSS');
  dateWhenSent(res, () => ctx.clock.now());
  res.setHeader('x-oss-request-id', requestId);
  // The sandbox's address stands for its region's endpoint (whatever Host says: ali-oss V4 always
  // names the signing region's host there).
  const region = ctx.directory.region;
  const hostBase = `oss-${region}.aliyuncs.com`;
  let route: OssRoute | undefined;
  try {
    const fault = faults.next('oss', req);
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.status === 503) throw ossErrors.serviceUnavailable();
    if (fault?.status === 500) throw ossErrors.internal();
    try {
      route = parseRoute(req);
      facts.route = route;
    } catch {
      throw new OssError(400, 'InvalidURI', "Couldn't parse the specified URI.");
    }
    if (route.key !== undefined && Buffer.byteLength(route.key) > 1023) {
      throw new OssError(400, 'InvalidObjectName', 'The length of object name must be less than 1024.');
    }
    const op = identifyOperation(req, route);
    facts.op = op;
    const bucket = route.bucket === undefined ? undefined : ctx.directory.bucket(route.bucket);
    if (route.bucket !== undefined && !bucket) throw ossErrors.noSuchBucket(route.bucket);
    // A bucket answers only at its own region's endpoint, before any signature is looked at.
    // GetBucketLocation is exempt: it is how a client finds the right endpoint.
    const bucketRegion = bucket ? ctx.directory.bucketRegion(bucket.name) : region;
    if (bucket && bucketRegion !== region && op !== 'GetBucketLocation') throw ossErrors.wrongEndpoint(bucket.name, `oss-${bucketRegion}.aliyuncs.com`);
    const sourceIp = facts.sourceIp;
    const { principal, presigned } = authenticate(ctx, req, route, sourceIp);
    facts.principal = principal;
    if (route.key !== undefined) facts.sizeBefore = ctx.objects.head(route.bucket!, route.key)?.size;
    if (!AUTHORIZED_PER_OBJECT.has(op)) {
      authorize(
        ctx,
        principal,
        { action: ACTION[op], resource: resourceArn(bucketRegion, ctx.directory.accountId, route.bucket, route.key), context: conditionContext(op, route) },
        { sourceIp, userAgent: req.headers['user-agent'] ?? '', publicRead: await anonymousMayRead(ctx, principal, op, bucket?.name, bucket?.acl, route.key) },
      );
    }
    const rate = trafficLimit(req, route);
    const inbound: Transform[] = [];
    const outbound: Transform[] = [];
    if (rate !== undefined) (BODY_OPS.has(op) ? inbound : outbound).push(new Throttle(rate));
    if (fault?.resetAfterBytes !== undefined) {
      (BODY_OPS.has(op) ? inbound : outbound).push(new ResetAfter(fault.resetAfterBytes, req.socket));
      if (!BODY_OPS.has(op) && op !== 'GetObject') req.socket.destroy();
    }
    await HANDLERS[op]({
      ctx,
      req,
      res,
      route,
      op,
      bucket: route.bucket ?? '',
      key: route.key ?? '',
      principal,
      presigned,
      sourceIp,
      inbound,
      outbound,
    });
    if (!req.socket.destroyed) ctx.served.record(op);
  } catch (error) {
    facts.errorCode = error instanceof OssError ? error.code : 'InternalError';
    if (req.socket.destroyed) return;
    const ossError = error instanceof OssError ? error : ossErrors.internal();
    if (!(error instanceof OssError)) log.error('unexpected error in OSS handler', { error: String(error) });
    // A rejected upload's body is not read; close rather than drain a large one.
    if (!req.complete && Number(req.headers['content-length'] ?? 0) > 64 * 1024) res.setHeader('Connection', 'close');
    const bucketName = route?.bucket;
    sendError(res, ossError, {
      requestId,
      hostId: bucketName ? `${bucketName}.${hostBase}` : hostBase,
      method: req.method ?? 'GET',
      ...(bucketName !== undefined ? { bucket: bucketName } : {}),
      ...(route?.key !== undefined ? { key: route.key } : {}),
    });
  }
}
