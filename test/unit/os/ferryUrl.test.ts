import { describe, expect, it } from 'vitest';
import { MAX_FERRY_URL, routeFerryUrl } from '../../../src-main/os/ferryUrl.ts';
import { errorText } from '../../../src-main/i18n/text.ts';

const good = 'ferry://connect?name=Acme%20Design&bucket=acme-share&region=cn-hangzhou&role=acs:ram::1234567890123456:role/ferry-user';

describe('routeFerryUrl', () => {
  it('routes a connect link from IT to the import flow with the parsed, non-secret fields', () => {
    const r = routeFerryUrl(good);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.route.kind).toBe('connect');
    expect(r.route.profile).toMatchObject({ name: 'Acme Design', bucket: 'acme-share', region: 'cn-hangzhou' });
    expect(routeFerryUrl(good.replace('ferry://connect?', 'FERRY://connect/?')).ok).toBe(true);
  });

  const hostile: [string, unknown, string][] = [
    ['not a string', 42, 'os.linkRejected'],
    ['empty', '', 'os.linkRejected'],
    ['too long', `ferry://connect?name=a&bucket=acme-share&region=cn-hangzhou&x=${'a'.repeat(MAX_FERRY_URL)}`, 'os.linkTooLong'],
    ['another scheme', 'https://connect?name=a&bucket=acme-share', 'os.linkRejected'],
    ['javascript', 'javascript:alert(1)//ferry://connect', 'os.linkRejected'],
    ['no slashes', 'ferry:connect?name=a&bucket=acme-share&region=cn-hangzhou', 'os.linkRejected'],
    ['unknown action', 'ferry://delete-everything?x=1', 'os.linkUnknownAction'],
    ['look-alike host', 'ferry://connect.evil.example?name=a&bucket=acme-share&region=cn-hangzhou', 'os.linkUnknownAction'],
    ['path after host', 'ferry://connect/../../etc/passwd?name=a', 'os.linkUnknownAction'],
    ['credentials in authority', 'ferry://user:pass@connect?name=a&bucket=acme-share&region=cn-hangzhou', 'os.linkRejected'],
    ['port', 'ferry://connect:8080?name=a&bucket=acme-share&region=cn-hangzhou', 'os.linkRejected'],
    ['fragment', 'ferry://connect?name=a&bucket=acme-share&region=cn-hangzhou#x', 'os.linkRejected'],
    ['no query', 'ferry://connect', 'os.linkRejected'],
    ['raw space', 'ferry://connect?name=a b&bucket=acme-share', 'os.linkRejected'],
    ['raw non-ASCII', 'ferry://connect?name=公司&bucket=acme-share&region=cn-hangzhou', 'os.linkRejected'],
    ['bidi override', 'ferry://connect?name=a\u202e&bucket=acme-share', 'os.linkRejected'],
    ['newline', 'ferry://connect?name=a\n&bucket=acme-share', 'os.linkRejected'],
    ['broken escape', 'ferry://connect?name=%E4%B8&bucket=acme-share%zz', 'os.linkRejected'],
    ['quotes and brackets', 'ferry://connect?name="><script>&bucket=acme-share', 'os.linkRejected'],
    ['encoded control character', 'ferry://connect?name=a%00b&bucket=acme-share&region=cn-hangzhou', 'accounts.connectionInvalid'],
    ['a secret in the link', 'ferry://connect?name=a&bucket=acme-share&region=cn-hangzhou&accessKeySecret=abc', 'accounts.connectionHasSecret'],
    ['unknown field', 'ferry://connect?name=a&bucket=acme-share&region=cn-hangzhou&admin=1', 'accounts.connectionInvalid'],
    ['plain-http endpoint', 'ferry://connect?name=a&bucket=acme-share&endpoint=http%3A%2F%2Fevil.example', 'accounts.address.notHttps'],
  ];

  for (const [what, input, code] of hostile) {
    it(`refuses ${what} with ${code}`, () => {
      const r = routeFerryUrl(input);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe(code);
    });
  }

  it('says what happened and what to do in both languages', () => {
    for (const code of ['os.linkRejected', 'os.linkTooLong', 'os.linkUnknownAction']) {
      expect(errorText('en', code)).toMatch(/ferry:\/\//);
      expect(errorText('zh-CN', code)).toMatch(/ferry:\/\//);
    }
  });
});
