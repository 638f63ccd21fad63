import { describe, expect, it } from 'vitest';
import { popEncode, signPopRequest } from '../../../src-main/credentials/popSigner.ts';
import { popSignature, popStringToSign } from '../../../src-main/sandbox/sts/popSignature.ts';

describe('POP v1 signing', () => {
  it('percent-encodes as RFC 3986 with POP\'s exceptions', () => {
    expect(popEncode("a b*c~d'e(f)!")).toBe('a%20b%2Ac~d%27e%28f%29%21');
    expect(popEncode('中')).toBe('%E4%B8%AD');
  });

  it('agrees with an independent verifier (the sandbox STS) on a request with a policy', () => {
    const policy = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:PutObject'], Resource: ['acs:oss:*:*:b/shared/*'] }] });
    const signed = signPopRequest(
      'POST',
      { Action: 'AssumeRole', Version: '2015-04-01', RoleArn: 'acs:ram::1234567890123456:role/ferry', RoleSessionName: 'ferry-upload-x', Policy: policy },
      { accessKeyId: 'Fake5tAbCdEfGh123456', accessKeySecret: 'abcdefghijklmnopqrstuvwxyz0123' },
      Date.parse('2026-01-01T00:00:00Z'),
    );
    expect(signed.Timestamp).toBe('2026-01-01T00:00:00Z');
    expect(signed.Signature).toBe(popSignature('abcdefghijklmnopqrstuvwxyz0123', popStringToSign('POST', signed)));
    expect(signed.Signature).not.toBe(popSignature('abcdefghijklmnopqrstuvwxyz0123', popStringToSign('GET', signed)));
  });
});
