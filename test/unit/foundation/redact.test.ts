import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configureLogging, logger } from '../../../src-main/log/logger.ts';
import { forgetSecret, redactText, redactUrl, registerSecret } from '../../../src-main/log/redact.ts';

// Every value below is an obvious fake: a failing assertion prints it.

/** Shapes Ferry cannot register in advance (signatures, tokens in URLs and headers): found by their form. */
const SHAPES: { name: string; text: string; gone: string[]; kept: string[] }[] = [
  {
    name: 'V4 signed URL',
    text: 'https://b.oss-cn-hangzhou.aliyuncs.com/a%20b.pdf?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-credential=STS.FakeCred%2F20261122%2Fcn-hangzhou%2Foss%2Faliyun_v4_request&x-oss-date=20261122T000000Z&x-oss-expires=3600&x-oss-security-token=FakeTokenV4&x-oss-signature=fakesigv4',
    gone: ['FakeTokenV4', 'fakesigv4', 'STS.FakeCred'],
    kept: ['x-oss-expires=3600', 'x-oss-signature-version=OSS4-HMAC-SHA256', 'x-oss-date=20261122T000000Z', 'a%20b.pdf'],
  },
  {
    name: 'HTTPS:// in capitals',
    text: 'GET HTTPS://B.OSS-CN-HANGZHOU.ALIYUNCS.COM/k.pdf?Expires=1700000000&OSSAccessKeyId=FakeKeyIdCaps&Signature=FakeSigCaps%2B',
    gone: ['FakeKeyIdCaps', 'FakeSigCaps'],
    kept: ['Expires=1700000000', 'k.pdf'],
  },
  {
    name: 'signed URL without a scheme',
    text: 'copied bucket.oss-cn-hangzhou.aliyuncs.com/report.pdf?OSSAccessKeyId=FakeKeyIdBare&Expires=1700000000&Signature=FakeSigBare%3D&response-content-disposition=attachment to the clipboard',
    gone: ['FakeKeyIdBare', 'FakeSigBare'],
    kept: ['bucket.oss-cn-hangzhou.aliyuncs.com/report.pdf', 'Expires=1700000000', 'response-content-disposition=attachment', 'to the clipboard'],
  },
  {
    name: 'V4 signed URL without a scheme',
    text: 'b.oss-cn-hangzhou.aliyuncs.com/k?x-oss-credential=STS.FakeCredBare%2F20261122&x-oss-expires=3600&x-oss-security-token=CAIS%2BFakeTokenBare%2F&x-oss-signature=fakesigv4bare',
    gone: ['FakeCredBare', 'FakeTokenBare', 'fakesigv4bare'],
    kept: ['x-oss-expires=3600'],
  },
  {
    name: 'URL-encoded security token in free text',
    text: 'retrying with x-oss-security-token=CAIS%2BFakeEncodedToken%3D%3D after 2 s',
    gone: ['FakeEncodedToken', 'CAIS%2B'],
    kept: ['retrying with', 'after 2 s'],
  },
  {
    name: 'form body',
    text: 'AccessKeyId=STS.FakeFormId&AccessKeySecret=FakeFormSecret%2B&SecurityToken=CAIS%2BFakeFormToken&Expiration=2026-11-22T00%3A00%3A00Z',
    gone: ['FakeFormSecret', 'FakeFormToken'],
    kept: ['Expiration=2026-11-22T00%3A00%3A00Z'],
  },
  {
    name: 'Authorization: OSS header',
    text: 'PUT /k HTTP/1.1\nAuthorization: OSS FakeKeyIdV1Header:FakeSigV1Header+/=\nDate: Sun, 22 Nov 2026',
    gone: ['FakeKeyIdV1Header', 'FakeSigV1Header'],
    kept: ['Authorization', 'Date: Sun, 22 Nov 2026'],
  },
  {
    name: 'Authorization: OSS4-HMAC-SHA256 header',
    text: 'Authorization: OSS4-HMAC-SHA256 Credential=FakeKeyIdV4Header/20261122/cn-hangzhou/oss/aliyun_v4_request, AdditionalHeaders=host, Signature=fakesigv4header',
    gone: ['FakeKeyIdV4Header', 'fakesigv4header'],
    kept: ['Authorization'],
  },
  {
    name: 'authorization in a JSON header dump',
    text: '{"authorization":"OSS FakeKeyIdJson:FakeSigJson=","date":"Sun"}',
    gone: ['FakeKeyIdJson', 'FakeSigJson'],
    kept: ['"date":"Sun"'],
  },
  {
    name: 'bare Signature= parameter',
    text: 'the server computed a different value; Signature=FakeSigLoose, retrying',
    gone: ['FakeSigLoose'],
    kept: ['the server computed a different value', 'retrying'],
  },
  {
    name: 'security token as a request header',
    text: 'x-oss-security-token: CAISFakeHeaderToken\nx-oss-date: 20261122T000000Z',
    gone: ['CAISFakeHeaderToken'],
    kept: ['x-oss-date: 20261122T000000Z'],
  },
  {
    name: 'STS reply body',
    text: '{"Credentials":{"AccessKeySecret":"FakeJsonSecret","SecurityToken":"CAISFakeJsonToken","Expiration":"2026-11-22T00:00:00Z"}}',
    gone: ['FakeJsonSecret', 'CAISFakeJsonToken'],
    kept: ['"Expiration":"2026-11-22T00:00:00Z"'],
  },
  {
    name: 'harmless parameters stay readable',
    text: 'b.oss-cn-hangzhou.aliyuncs.com/k?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-date=20261122T000000Z&response-content-disposition=attachment%3B%20filename%3Dsignature.pdf',
    gone: [],
    kept: ['x-oss-signature-version=OSS4-HMAC-SHA256', 'x-oss-date=20261122T000000Z', 'response-content-disposition=attachment%3B%20filename%3Dsignature.pdf'],
  },
  {
    name: 'words that merely name a credential',
    text: 'STS authorization failed; the signature did not match (SignatureDoesNotMatch)',
    gone: [],
    kept: ['STS authorization failed; the signature did not match (SignatureDoesNotMatch)'],
  },
];

/** A registered secret must go in every form text can carry it in. */
const SECRET_FORMS: { name: string; secret: string; text: (secret: string) => string }[] = [
  { name: 'as is', secret: 'FakeSecretPlainValue01', text: (s) => `a ${s} b` },
  { name: 'encodeURIComponent', secret: 'FakeSecret+With/Slash=02', text: (s) => `body note=${encodeURIComponent(s)}&x=1` },
  { name: 'form encoding (+ for space)', secret: 'FakeSecret with space 03', text: (s) => `note=${new URLSearchParams({ s }).toString().slice(2)}` },
  { name: 'lower-case percent escapes', secret: 'FakeSecret+Lower/04', text: (s) => `note=${encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())}` },
  { name: 'JSON-escaped', secret: 'FakeSecret"quote\\slash05', text: (s) => `reply ${JSON.stringify({ s })}` },
  { name: 'inside a URL', secret: 'FakeSecretInUrl06', text: (s) => `https://b.example/${s}?x=${s}` },
];

/** The logger redacts field values before serialising them, and the serialised line again. */
const LOGGED: { name: string; secret: string; fields: (secret: string) => Record<string, unknown>; gone: string[]; kept: string[] }[] = [
  { name: 'secret with quote and backslash in the message', secret: 'FakeSecret"Msg\\07', fields: () => ({}), gone: [], kept: [] },
  { name: 'secret with quote and backslash in a field', secret: 'FakeSecret"Field\\08', fields: (s) => ({ detail: `got ${s}` }), gone: [], kept: ['got '] },
  { name: 'secret nested in objects and arrays', secret: 'FakeSecret"Nested\\09', fields: (s) => ({ a: [{ b: { c: [s] } }] }), gone: [], kept: ['"c":['] },
  {
    name: 'Error message and stack',
    secret: 'FakeSecret"Error\\10',
    fields: (s) => ({ error: new Error(`upload failed for ${s}; Signature=FakeSigInError`) }),
    gone: ['FakeSigInError'],
    kept: ['upload failed for', '"stack":'],
  },
  {
    name: 'keychain entry as JSON text',
    secret: JSON.stringify({ v: 1, kind: 'access-key', accessKeyId: 'FakeKeyIdEntry', accessKeySecret: 'FakeSecretEntry11' }),
    fields: (s) => ({ entry: s }),
    gone: [],
    kept: [],
  },
  {
    name: 'authorization header in a headers object',
    secret: 'FakeSecretUnused12',
    fields: () => ({ headers: { authorization: 'OSS FakeKeyIdObj:FakeSigObj', 'x-oss-security-token': 'CAISFakeTokenObj', 'content-type': 'text/plain' } }),
    gone: ['FakeKeyIdObj', 'FakeSigObj', 'CAISFakeTokenObj'],
    kept: ['"content-type":"text/plain"'],
  },
  {
    name: 'URL object',
    secret: 'FakeSecretUnused13',
    fields: () => ({ url: new URL('HTTPS://b.example/k?Expires=1700000000&Signature=FakeSigUrlObject') }),
    gone: ['FakeSigUrlObject'],
    kept: ['Expires=1700000000'],
  },
  {
    name: 'circular reference and bigint (JSON.stringify would throw)',
    secret: 'FakeSecretCircular14',
    fields: (s) => {
      const node: Record<string, unknown> = { size: 10n, note: s };
      node.self = node;
      return { node };
    },
    gone: [],
    kept: ['"size":"10"', '"self":"[circular]"'],
  },
];

function formsOf(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)];
}

describe('redaction', () => {
  afterEach(() => {
    for (const row of [...SECRET_FORMS, ...LOGGED]) forgetSecret(row.secret);
  });

  it.each(SHAPES)('redactText removes the $name', ({ text, gone, kept }) => {
    const out = redactText(text);
    for (const leaked of gone) expect(out).not.toContain(leaked);
    for (const readable of kept) expect(out).toContain(readable);
  });

  it.each(SECRET_FORMS)('redactText scrubs a registered secret $name', ({ secret, text }) => {
    registerSecret(secret);
    const input = text(secret);
    const out = redactText(input);
    expect(out).not.toBe(input);
    for (const form of [...formsOf(secret), new URLSearchParams({ s: secret }).toString().slice(2)]) {
      expect(out).not.toContain(form);
    }
    expect(out).toMatch(/\[REDACTED\]|%5BREDACTED%5D/);
  });

  it('keeps a normal share link readable and drops credentials from it', () => {
    expect(redactUrl('https://b.example/a%20b.pdf?Expires=1&response-content-disposition=inline')).toBe(
      'https://b.example/a%20b.pdf?Expires=1&response-content-disposition=inline',
    );
    const v1 = redactUrl('http://127.0.0.1:9/b/k?OSSAccessKeyId=FakeKeyId&Expires=1&Signature=abc%2B&security-token=t0k');
    expect(v1).toBe('http://127.0.0.1:9/b/k?OSSAccessKeyId=REDACTED&Expires=1&Signature=REDACTED&security-token=REDACTED');
    expect(redactUrl('https://user:FakePassword@b.example/k')).toBe('https://b.example/k');
    expect(redactUrl('not a url')).toBe('[unparseable url]');
  });

  describe('log lines', () => {
    let file = '';
    beforeAll(() => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'ferry-log-'));
      configureLogging({ dir, level: 'info' });
      file = path.join(dir, 'ferry.log');
    });
    const lastLine = (): string => readFileSync(file, 'utf8').trimEnd().split('\n').at(-1)!;

    it('scrubs registered secrets and URLs from every log line', () => {
      const secret = 'FakeSecretForLogLine';
      registerSecret(secret);
      logger('test').error(`failed with ${secret}`, { url: 'https://x/y?Signature=FakeSigLogLine', detail: secret });
      const line = lastLine();
      expect(line).not.toContain(secret);
      expect(line).not.toContain('FakeSigLogLine');
      expect(line).toContain('[REDACTED]');
      forgetSecret(secret);
    });

    it.each(LOGGED)('redacts the $name before serialising', ({ secret, fields, gone, kept }) => {
      registerSecret(secret);
      logger('test').error(`message ${secret}`, fields(secret));
      const line = lastLine();
      expect(() => JSON.parse(line)).not.toThrow();
      for (const leaked of [...formsOf(secret), ...gone]) expect(line).not.toContain(leaked);
      for (const readable of ['"message":"message ', ...kept]) expect(line).toContain(readable);
    });
  });
});
