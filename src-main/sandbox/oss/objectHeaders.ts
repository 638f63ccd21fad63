import type { IncomingMessage } from 'node:http';
import type { ObjectMeta } from '../storage/objectFile.ts';
import { httpDate } from './auth/skew.ts';

const STORED = ['cache-control', 'content-disposition', 'content-encoding', 'content-language', 'expires'];

/** Request headers OSS stores with an object and returns on GET/HEAD. */
export function storableHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (STORED.includes(name) || name.startsWith('x-oss-meta-')) out[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return out;
}

export function contentTypeOf(req: IncomingMessage): string {
  return req.headers['content-type'] || 'application/octet-stream';
}

export function objectHeaders(meta: ObjectMeta): Record<string, string> {
  return {
    ...meta.headers,
    'Content-Type': meta.contentType,
    ETag: meta.etag,
    'Last-Modified': httpDate(meta.lastModified),
    'Accept-Ranges': 'bytes',
    'x-oss-object-type': meta.type,
    'x-oss-storage-class': 'Standard',
    'x-oss-hash-crc64ecma': meta.crc64,
  };
}

const OVERRIDES: Record<string, string> = {
  'response-content-type': 'Content-Type',
  'response-content-language': 'Content-Language',
  'response-expires': 'Expires',
  'response-cache-control': 'Cache-Control',
  'response-content-disposition': 'Content-Disposition',
  'response-content-encoding': 'Content-Encoding',
};

/** `response-*` query overrides; honoured only on signed requests, as OSS does. */
export function applyResponseOverrides(headers: Record<string, string>, query: Map<string, string>): void {
  for (const [param, header] of Object.entries(OVERRIDES)) {
    const value = query.get(param);
    if (value === undefined) continue;
    for (const existing of Object.keys(headers)) if (existing.toLowerCase() === header.toLowerCase()) delete headers[existing];
    headers[header] = value;
  }
}

export const quoteEtag = (hexUpper: string): string => `"${hexUpper}"`;
export const etagsEqual = (a: string, b: string): boolean =>
  a.replace(/"/g, '').trim().toUpperCase() === b.replace(/"/g, '').trim().toUpperCase();
