import { describe, expect, it } from 'vitest';
import { splitGlobalFlags } from '../../../src-main/cli/args.ts';
import { checkedProxyFlag } from '../../../src-main/cli/proxyFlag.ts';
import { proxyPicker } from '../../../src-main/network/network.ts';
import { bypassesProxy } from '../../../src-main/network/noProxy.ts';
import { proxyFromEnv } from '../../../src-main/network/proxyFromEnv.ts';

describe('NO_PROXY (proxy-from-env rules)', () => {
  const cases: [string, string, boolean][] = [
    ['https://oss-cn-hangzhou.aliyuncs.com', 'aliyuncs.com', true],
    ['https://aliyuncs.com', 'aliyuncs.com', true],
    ['https://notaliyuncs.com', 'aliyuncs.com', false],
    ['https://oss.aliyuncs.com', '.aliyuncs.com', true],
    ['https://aliyuncs.com', '.aliyuncs.com', false],
    ['https://a.b.example.com', '*.example.com', true],
    ['http://127.0.0.1:8080', '127.0.0.1', true],
    ['http://127.0.0.1:8080', '127.0.0.1:8080', true],
    ['http://127.0.0.1:8080', '127.0.0.1:9090', false],
    ['https://sts.aliyuncs.com', 'localhost,  internal.corp sts.aliyuncs.com', true],
    ['https://anything.test', '*', true],
    ['http://127.0.0.1:8080', 'localhost', false],
    ['https://EXAMPLE.com', 'example.COM', true],
  ];
  it.each(cases)('%s with NO_PROXY=%s → bypass %s', (url, noProxy, expected) => {
    expect(bypassesProxy(new URL(url), [noProxy])).toBe(expected);
  });
});

describe('the CLI proxy from the environment', () => {
  it('HTTPS_PROXY for https, HTTP_PROXY for http, lower case first, ALL_PROXY as the fallback; a bare host:port means http://', () => {
    const env = { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2', HTTP_PROXY: 'plain:3' };
    const resolve = proxyFromEnv(env);
    expect(resolve('https://oss.example.com/x')).toBe('http://lower:2');
    expect(resolve('http://oss.example.com/x')).toBe('http://plain:3');
    expect(proxyFromEnv({ ALL_PROXY: 'http://all:4' })('https://a.test')).toBe('http://all:4');
    expect(proxyFromEnv({})('https://a.test')).toBeUndefined();
  });

  it('--proxy wins over the variables and NO_PROXY still applies to it', () => {
    const resolve = proxyFromEnv({ HTTPS_PROXY: 'http://env:1', NO_PROXY: 'internal.corp' }, 'http://flag:2/');
    expect(resolve('https://oss.example.com')).toBe('http://flag:2/');
    expect(resolve('http://oss.example.com')).toBe('http://flag:2/');
    expect(resolve('https://files.internal.corp')).toBeUndefined();
  });
});

describe('network settings', () => {
  it('none is direct, fixed honours noProxy, system asks resolveProxy (direct without it)', async () => {
    expect(await proxyPicker({ proxy: { mode: 'none' } })('https://a.test')).toBeUndefined();
    const fixed = proxyPicker({ proxy: { mode: 'fixed', url: 'http://p:8080', noProxy: ['b.test'] } });
    expect((await fixed('https://a.test'))?.host).toBe('p:8080');
    expect(await fixed('https://x.b.test')).toBeUndefined();
    expect(await proxyPicker({ proxy: { mode: 'system' } })('https://a.test')).toBeUndefined();
    const system = proxyPicker({ proxy: { mode: 'system' }, resolveProxy: async (url) => (url.includes('a.test') ? 'http://pac:3128' : undefined) });
    expect((await system('https://a.test'))?.host).toBe('pac:3128');
    expect(await system('https://c.test')).toBeUndefined();
  });
});

describe('--proxy on the command line', () => {
  it('is a global flag in either form, anywhere before --', () => {
    expect(splitGlobalFlags(['--proxy', 'http://p:1', 'upload', 'a.txt'])).toMatchObject({ proxy: 'http://p:1', rest: ['upload', 'a.txt'] });
    expect(splitGlobalFlags(['upload', '--proxy=p:1', 'a.txt'])).toMatchObject({ proxy: 'p:1', rest: ['upload', 'a.txt'] });
    expect(splitGlobalFlags(['upload', '--', '--proxy', 'x']).proxy).toBeUndefined();
    expect(splitGlobalFlags(['upload', '--proxy']).proxy).toBe('');
  });

  it('takes an http(s) address without a login', () => {
    expect(checkedProxyFlag('proxy.corp:8080')).toBe('http://proxy.corp:8080/');
    expect(checkedProxyFlag(undefined)).toBeUndefined();
    expect(() => checkedProxyFlag('')).toThrow(expect.objectContaining({ key: 'cli.usage.needsValue' }));
    expect(() => checkedProxyFlag('http://u:secret@proxy.corp:8080')).toThrow(expect.objectContaining({ key: 'cli.usage.proxyNoPassword' }));
    expect(() => checkedProxyFlag('socks5://proxy.corp:1080')).toThrow(expect.objectContaining({ key: 'cli.usage.proxyInvalid' }));
  });
});
