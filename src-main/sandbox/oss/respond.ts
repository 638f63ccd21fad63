import type { ServerResponse } from 'node:http';
import { httpDate } from './auth/skew.ts';
import type { OssError } from './ossError.ts';
import { xmlDocument, type XmlNode } from './xml.ts';

export interface ErrorTarget {
  requestId: string;
  hostId: string;
  method: string;
  bucket?: string;
  key?: string;
}

let dated = { second: NaN, text: '' };

/** `httpDate`, formatted once per second of sandbox time. */
function dateHeader(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== dated.second) dated = { second, text: httpDate(ms) };
  return dated.text;
}

/**
 * Stamps `Date` (sandbox time) when the status line is written rather than when the request arrived,
 * so a reply held back by an injected delay or a slow operation says when it was sent, as OSS's do.
 */
export function dateWhenSent(res: ServerResponse, now: () => number): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (!this.headersSent) this.setHeader('Date', dateHeader(now()));
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['writeHead'];
}

export function sendXml(res: ServerResponse, status: number, root: string, body: XmlNode, headers: Record<string, string> = {}): void {
  const text = xmlDocument(root, body);
  res.writeHead(status, { ...headers, 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'Content-Length': '0' });
  res.end();
}

/** OSS error XML; for HEAD the body is dropped and the XML travels base64-encoded in `x-oss-err`. */
export function sendError(res: ServerResponse, error: OssError, target: ErrorTarget): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body: XmlNode = {
    Code: error.code,
    Message: error.message,
    RequestId: target.requestId,
    HostId: target.hostId,
    ...error.extra,
    ...(error.ec ? { EC: error.ec, RecommendDoc: `https://api.aliyun.com/troubleshoot?q=${error.ec}` } : {}),
  };
  const text = xmlDocument('Error', body);
  const headers: Record<string, string> = { ...error.headers, 'Content-Type': 'application/xml' };
  if (error.ec) headers['x-oss-ec'] = error.ec;
  if (target.method === 'HEAD') {
    headers['x-oss-err'] = Buffer.from(text).toString('base64');
    headers['Content-Length'] = '0';
    res.writeHead(error.status, headers);
    res.end();
    return;
  }
  headers['Content-Length'] = String(Buffer.byteLength(text));
  res.writeHead(error.status, headers);
  res.end(text);
}
