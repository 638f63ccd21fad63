import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_SKEW_MS, type SandboxContext } from '../context.ts';
import { isAcs3, verifyAcs3 } from './verifyAcs3.ts';
import { verifyPopV1 } from './verifyPopV1.ts';
import { normalizeIp } from '../policy/ipRange.ts';
import { popRequestId } from '../requestId.ts';
import { xmlEscape } from '../oss/xml.ts';
import { httpDate } from '../oss/auth/skew.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultInjector } from '../faults.ts';
import { logger } from '../../log/logger.ts';
import { assumeRole } from './assumeRole.ts';
import { NonceCache } from './nonces.ts';
import { StsError, stsErrors } from './stsError.ts';

const log = logger('sandbox');
const MAX_BODY = 64 * 1024;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw stsErrors.missingParameter('Body');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Parameters from the query and a form (or JSON) body together, as the POP gateway merges them. */
function collectParams(req: IncomingMessage, raw: Buffer): Record<string, string> {
  const url = new URL(req.url ?? '/', 'http://sts.local');
  const params: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (!(k in params)) params[k] = v;
  const body = raw.toString('utf8');
  if (body.length === 0) return params;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') {
    for (const [k, v] of new URLSearchParams(body)) if (!(k in params)) params[k] = v;
  } else if (type === 'application/json') {
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(body) as Record<string, unknown>;
    } catch {
      throw stsErrors.contentType();
    }
    for (const [k, v] of Object.entries(json)) if (!(k in params)) params[k] = String(v);
  } else {
    throw stsErrors.contentType();
  }
  return params;
}

function send(res: ServerResponse, now: number, status: number, format: string, body: Record<string, unknown>): void {
  const xml = format.toUpperCase() === 'XML';
  const text = xml ? toXml(status < 300 ? 'AssumeRoleResponse' : 'Error', body) : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': xml ? 'text/xml;charset=utf-8' : 'application/json;charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'x-acs-request-id': String(body.RequestId),
    // Sandbox time, not the host's: clients learn clock skew from this header.
    Date: httpDate(now),
  });
  res.end(text);
}

function toXml(root: string, value: Record<string, unknown>): string {
  const inner = (v: Record<string, unknown>): string =>
    Object.entries(v)
      .map(([k, x]) => `<${k}>${typeof x === 'object' && x !== null ? inner(x as Record<string, unknown>) : xmlEscape(String(x))}</${k}>`)
      .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><${root}>${inner(value)}</${root}>`;
}

export function createStsHandler(ctx: SandboxContext, faults: FaultInjector): (req: IncomingMessage, res: ServerResponse) => void {
  const nonces = new NonceCache(MAX_SKEW_MS * 2);
  return (req, res) => {
    const requestId = popRequestId();
    let format = 'JSON';
    void (async () => {
      const fault = faults.next('sts', req);
      if (fault?.delayMs) await sleep(fault.delayMs);
      if (fault?.resetAfterBytes !== undefined) {
        req.socket.destroy();
        return;
      }
      if (fault?.status === 503) throw stsErrors.unavailable();
      if (fault?.status === 500) throw stsErrors.internal();
      const raw = await readBody(req);
      const collected = collectParams(req, raw);
      format = collected.Format ?? 'JSON';
      const now = ctx.clock.now();
      // V3 (ACS3-HMAC-SHA256, the official SDKs' default) signs headers; v1 signs the parameters.
      const { caller, params } = isAcs3(req)
        ? verifyAcs3(ctx, nonces, req, raw, collected, now)
        : { caller: verifyPopV1(ctx, nonces, req.method ?? 'GET', collected, now), params: collected };
      if (params.Action !== 'AssumeRole') throw stsErrors.unknownAction();
      const sourceIp = normalizeIp(req.socket.remoteAddress ?? '');
      const result = assumeRole(params, caller, ctx.directory, ctx.tokens, now, sourceIp);
      send(res, ctx.clock.now(), 200, format, { RequestId: requestId, ...result });
    })().catch((error: unknown) => {
      if (!(error instanceof StsError)) log.error('unexpected error in STS handler', { error: String(error) });
      const e = error instanceof StsError ? error : stsErrors.internal();
      send(res, ctx.clock.now(), e.status, format, {
        RequestId: requestId,
        HostId: 'sts.aliyuncs.com',
        Code: e.code,
        Message: e.message,
        Recommend: `https://api.aliyun.com/troubleshoot?q=${e.code}&product=Sts&requestId=${requestId}`,
      });
    });
  };
}
