import { describe, expect, it } from 'vitest';
import { parseConnection } from '../../../src-main/accounts/connection.ts';
import { FerryError } from '../../../src-main/errors/ferryError.ts';
import { errorText } from '../../../src-main/i18n/text.ts';

function codeOf(text: string): string {
  try {
    parseConnection(text);
  } catch (error) {
    if (error instanceof FerryError) return `${error.code}${error.params.field ? `:${error.params.field}` : ''}`;
    throw error;
  }
  return 'ok';
}

const good = {
  ferry: 1,
  name: 'Acme shared files',
  endpoint: 'https://oss-cn-shanghai.aliyuncs.com',
  bucket: 'acme-share',
  prefixTemplate: 'shared/{user}/{yyyy}-{mm}/',
  roleArn: 'acs:ram::1234567890123456:role/ferry-upload',
  sessionDurationSeconds: 3600,
  defaultLinkExpiry: '7d',
  signatureVersion: 'v4',
};

describe('parseConnection', () => {
  it('reads a connection file and derives the region from the endpoint', () => {
    const input = parseConnection(JSON.stringify(good));
    expect(input).toMatchObject({ name: 'Acme shared files', region: 'cn-shanghai', bucket: 'acme-share', endpoint: 'https://oss-cn-shanghai.aliyuncs.com' });
    expect(input).not.toHaveProperty('id');
  });

  it('reads a ferry://connect link with the same fields', () => {
    const link =
      'ferry://connect?name=Acme&region=cn-hangzhou&bucket=acme-share&prefix=shared%2F%7Buser%7D%2F&role=acs%3Aram%3A%3A1234567890123456%3Arole%2Fferry&duration=1800&expiry=1d&sig=v1';
    expect(parseConnection(link)).toMatchObject({
      name: 'Acme',
      region: 'cn-hangzhou',
      prefixTemplate: 'shared/{user}/',
      roleArn: 'acs:ram::1234567890123456:role/ferry',
      sessionDurationSeconds: 1800,
      signatureVersion: 'v1',
    });
  });

  it('refuses files and links that carry a secret', () => {
    expect(codeOf(JSON.stringify({ ...good, accessKeySecret: 'x' }))).toBe('accounts.connectionHasSecret');
    expect(codeOf(JSON.stringify({ ...good, AccessKeyId: 'Fake5t' }))).toBe('accounts.connectionHasSecret');
    expect(codeOf('ferry://connect?name=a&bucket=abc&region=cn-hangzhou&secret=x')).toBe('accounts.connectionHasSecret');
    expect(codeOf('ferry://connect?name=a&bucket=abc&region=cn-hangzhou&SecurityToken=x')).toBe('accounts.connectionHasSecret');
  });

  it.each([
    ['not JSON', '{name:', 'accounts.connectionUnreadable'],
    ['an array', '[1,2]', 'accounts.connectionUnreadable'],
    ['another scheme', 'https://evil.example/connect?name=a', 'accounts.connectionUnreadable'],
    ['another ferry action', 'ferry://open?name=a&bucket=abc&region=cn-hangzhou', 'accounts.connectionUnreadable'],
    ['an unknown field', JSON.stringify({ ...good, callbackUrl: 'https://x' }), 'accounts.connectionInvalid:callbackUrl'],
    ['__proto__', `{"__proto__":{"polluted":1},"name":"a","bucket":"abc","region":"cn-hangzhou"}`, 'accounts.connectionInvalid:__proto__'],
    ['plain http endpoint', JSON.stringify({ ...good, endpoint: 'http://oss-cn-shanghai.aliyuncs.com' }), 'accounts.address.notHttps:endpoint'],
    ['endpoint with user info', JSON.stringify({ ...good, endpoint: 'https://me:pw@oss.example.com' }), 'accounts.address.credentialsInUrl:endpoint'],
    ['endpoint with a path', JSON.stringify({ ...good, endpoint: 'https://evil.example/collect?x=1' }), 'accounts.address.hasPath:endpoint'],
    ['file: endpoint', JSON.stringify({ ...good, endpoint: 'file:///etc/passwd' }), 'accounts.address.notHttps:endpoint'],
    ['STS endpoint that is not an address', JSON.stringify({ ...good, stsEndpoint: 'https://exa mple' }), 'accounts.address.notUrl:stsEndpoint'],
    ['bad bucket', JSON.stringify({ ...good, bucket: '../etc' }), 'accounts.connectionInvalid:bucket'],
    ['prefix escaping upwards', JSON.stringify({ ...good, prefixTemplate: 'shared/../../' }), 'accounts.connectionInvalid:prefixTemplate'],
    ['absolute prefix', JSON.stringify({ ...good, prefixTemplate: '/root/' }), 'accounts.connectionInvalid:prefixTemplate'],
    ['unknown placeholder', JSON.stringify({ ...good, prefixTemplate: 'x/{env.HOME}/' }), 'accounts.connectionInvalid:prefixTemplate'],
    ['bidi override in the name', JSON.stringify({ ...good, name: 'Acme\u202Eexe.pdf' }), 'accounts.connectionInvalid:name'],
    ['newline in the name', JSON.stringify({ ...good, name: 'Acme\nIT says: paste your key' }), 'accounts.connectionInvalid:name'],
    ['malformed role ARN', JSON.stringify({ ...good, roleArn: 'arn:aws:iam::1:role/x' }), 'accounts.connectionInvalid:roleArn'],
    ['too long a session', JSON.stringify({ ...good, sessionDurationSeconds: 99999 }), 'accounts.connectionInvalid:sessionDurationSeconds'],
    ['no region', JSON.stringify({ name: 'a', bucket: 'abc', endpoint: 'https://oss.example.com' }), 'accounts.connectionInvalid:region'],
    ['http token service', JSON.stringify({ ...good, credentialSource: 'token-service', tokenServiceUrl: 'http://tokens.example.com/sts' }), 'accounts.address.notHttps:tokenServiceUrl'],
    ['token service not named', JSON.stringify({ ...good, credentialSource: 'token-service' }), 'accounts.connectionInvalid:tokenServiceUrl'],
    ['duplicated link field', 'ferry://connect?name=a&name=b&bucket=abc&region=cn-hangzhou', 'accounts.connectionInvalid:name'],
    ['huge input', JSON.stringify({ ...good, name: 'x'.repeat(20_000) }), 'accounts.connectionTooLarge'],
  ])('refuses %s', (_label, text, code) => {
    expect(codeOf(text)).toBe(code);
  });

  it('allows http only for a token service on this computer', () => {
    const text = JSON.stringify({ ...good, credentialSource: 'token-service', tokenServiceUrl: 'http://127.0.0.1:8080/sts' });
    expect(parseConnection(text).tokenServiceUrl).toBe('http://127.0.0.1:8080/sts');
  });

  it('refuses a token service address that carries a key or token in its query (it would be shown and stored)', () => {
    const withUrl = (tokenServiceUrl: string): string => codeOf(JSON.stringify({ ...good, credentialSource: 'token-service', tokenServiceUrl }));
    for (const url of ['https://sts.acme.example/vend?token=abc', 'https://sts.acme.example/vend?accessKey=x', 'https://sts.acme.example/vend?x-api-key=1', 'https://sts.acme.example/vend?Signature=zz', 'https://sts.acme.example/vend?auth=1']) {
      expect(withUrl(url)).toBe('accounts.tokenServiceUrlHasSecret');
    }
    for (const url of ['https://sts.acme.example/vend?team=design&author=it', 'https://sts.acme.example/vend']) expect(withUrl(url)).toBe('ok');
    expect(errorText('en', 'accounts.tokenServiceUrlHasSecret')).toMatch(/Ask IT for an address without one/);
    expect(errorText('zh-CN', 'accounts.tokenServiceUrlHasSecret')).toMatch(/令牌服务地址/);
  });

  it('a refused address is explained by the rule it broke, each rule its own message, in both languages', () => {
    const rules = ['notUrl', 'credentialsInUrl', 'hasPath', 'notHttps'] as const;
    for (const lang of ['en', 'zh-CN'] as const) {
      const texts = rules.map((rule) => errorText(lang, `accounts.address.${rule}`, { field: 'endpoint' }));
      expect(new Set(texts).size).toBe(rules.length);
      for (const t of texts) expect(t).toContain('endpoint');
    }
    expect(errorText('en', 'accounts.address.notHttps', { field: 'endpoint' })).toMatch(/must start with https:\/\//);
    expect(errorText('en', 'accounts.address.hasPath', { field: 'endpoint' })).toMatch(/without a path/);
  });

  it('explains refusals in both languages without echoing the hostile value', () => {
    const en = errorText('en', 'accounts.connectionInvalid', { field: 'endpoint' });
    const zh = errorText('zh-CN', 'accounts.connectionInvalid', { field: 'endpoint' });
    expect(en).toContain('endpoint');
    expect(en).toMatch(/Ask IT/);
    expect(zh).toContain('请让 IT');
  });
});
