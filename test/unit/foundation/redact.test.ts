import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configureLogging, logger } from '../../../src-main/log/logger.ts';
import { redactText, redactUrl, registerSecret } from '../../../src-main/log/redact.ts';

describe('redaction', () => {
  it('strips signatures, tokens and key ids from share links', () => {
    const v4 = 'https://b.oss-cn-hangzhou.aliyuncs.com/a%20b.pdf?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-credential=STS.abc%2F20261122%2Fcn-hangzhou%2Foss%2Faliyun_v4_request&x-oss-date=20261122T000000Z&x-oss-expires=3600&x-oss-security-token=TOKEN123&x-oss-signature=deadbeef';
    const out = redactUrl(v4);
    for (const leaked of ['TOKEN123', 'deadbeef', 'STS.abc']) expect(out).not.toContain(leaked);
    expect(out).toContain('x-oss-expires=3600');
    const v1 = redactUrl('http://127.0.0.1:9/b/k?OSSAccessKeyId=LTAIxx&Expires=1&Signature=abc%2B&security-token=t0k');
    expect(v1).not.toMatch(/LTAIxx|abc|t0k/);
  });

  it('scrubs registered secrets and URLs from every log line', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ferry-log-'));
    configureLogging({ dir });
    const secret = 'Zk3pQ9sV7xYw2mN8bR4tL6uH1cJ5dF0g';
    registerSecret(secret);
    logger('test').error(`failed with ${secret}`, { url: 'https://x/y?Signature=s3cr3tSig', detail: secret });
    const text = readFileSync(path.join(dir, 'ferry.log'), 'utf8');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('s3cr3tSig');
    expect(text).toContain('[REDACTED]');
    expect(redactText(`a ${secret} b`)).toBe('a [REDACTED] b');
  });
});
