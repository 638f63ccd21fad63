import { createServer } from 'node:https';
import { describe, expect, it } from 'vitest';
import { toUserError } from '../../../src-main/errors/userError.ts';
import { createNetwork, type Network } from '../../../src-main/network/network.ts';
import type { Profile } from '../../../src-main/profile/profileModel.ts';
import { closeWhenTestEnds } from '../../support/integrationHarness.ts';
import { selfSignedCert } from './selfSignedCert.ts';
import { freePort, noTinyproxyReason, startTinyproxy } from './tinyproxy.ts';

const LOGIN = { user: 'alice', password: 's3cret' };

function profileAt(endpoint: string): Profile {
  return { endpoint, bucket: 'acme-share', region: 'cn-hangzhou', signatureVersion: 'v4', isSandbox: false } as unknown as Profile;
}

/** The failure of an STS-style fetch and of an ali-oss request to `target` through `network`, as both surfaces word it. */
async function failures(network: Network, target: string) {
  const viaFetch = await network.fetch(`${target}/`, { method: 'GET' }).then(
    () => undefined,
    (error: unknown) => error,
  );
  const client = network.ossClient(profileAt(target), { accessKeyId: 'LTAIexample', accessKeySecret: 'secret' }, { timeoutMs: 10_000 });
  const viaOss = await client.head('report.pdf').then(
    () => undefined,
    (error: unknown) => error,
  );
  return [viaFetch, viaOss].map((error) => ({
    code: toUserError(error, 'en').code,
    window: toUserError(error, 'en', 'window').message,
    cli: toUserError(error, 'en', 'cli').message,
    zh: toUserError(error, 'zh-CN', 'cli').message,
  }));
}

/** An https server on 127.0.0.1 with a self-signed certificate. */
async function selfSignedServer(): Promise<{ url: string }> {
  const server = createServer(await selfSignedCert(), (_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  closeWhenTestEnds({ close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))) });
  return { url: `https://127.0.0.1:${port}` };
}

describe.skipIf(noTinyproxyReason)('proxy failures in plain words (issue #20)', () => {
  it('a proxy that is not listening: "could not reach the network proxy", naming --proxy/HTTPS_PROXY in the CLI only', async () => {
    const proxy = `http://127.0.0.1:${await freePort()}`;
    for (const failure of await failures(createNetwork({ proxy: { mode: 'fixed', url: proxy } }), `http://127.0.0.1:${await freePort()}`)) {
      expect(failure.code).toBe('oss.proxyRefused');
      expect(failure.window).toMatch(/could not reach the network proxy 127\.0\.0\.1:\d+\. Ask IT/);
      expect(failure.window).not.toMatch(/HTTPS_PROXY|--proxy/);
      expect(failure.cli).toMatch(/--proxy or HTTPS_PROXY/);
      expect(failure.zh).toMatch(/无法连接到网络代理/);
    }
  });

  it('a proxy that wants a login: "asks for a user name and password" without one, "did not accept" with a wrong one; the right one works', async () => {
    const proxy = await startTinyproxy({ login: LOGIN });
    for (const failure of await failures(createNetwork({ proxy: { mode: 'fixed', url: proxy.url } }), `http://127.0.0.1:${await freePort()}`)) {
      expect(failure.code).toBe('oss.proxyLoginNeeded');
      expect(failure.window).toMatch(/asks for a user name and password\. Ask IT/);
      expect(failure.cli).toMatch(/HTTPS_PROXY=http:\/\/USER:PASSWORD@127\.0\.0\.1:\d+/);
      expect(failure.zh).toMatch(/需要用户名和密码/);
    }
    const wrong = `http://alice:wrong@127.0.0.1:${proxy.port}`;
    for (const failure of await failures(createNetwork({ proxy: { mode: 'fixed', url: wrong } }), `http://127.0.0.1:${await freePort()}`)) {
      expect(failure.code).toBe('oss.proxyLoginWrong');
      expect(failure.window).toMatch(/did not accept the user name or password/);
      expect(failure.window + failure.cli).not.toContain('wrong@');
      expect(failure.zh).toMatch(/不接受该用户名或密码/);
    }
    const { url: https } = await selfSignedServer();
    const right = createNetwork({ proxy: { mode: 'fixed', url: `http://${LOGIN.user}:${LOGIN.password}@127.0.0.1:${proxy.port}` } });
    const reply = await right.fetch(`${https}/`, { method: 'GET' }).catch((error: unknown) => error);
    expect(toUserError(reply, 'en').code).toBe('oss.tlsFailed'); // through the proxy to the server, not stopped by it
  });

  it('a proxy that blocks the host: "does not allow connections to" the host', async () => {
    const proxy = await startTinyproxy({ block: ['localhost'] });
    const port = await freePort();
    for (const failure of await failures(createNetwork({ proxy: { mode: 'fixed', url: proxy.url } }), `http://localhost:${port}`)) {
      expect(failure.code).toBe('oss.proxyBlocked');
      expect(failure.window).toContain(`does not allow connections to localhost:${port}. Ask IT to allow localhost:${port}`);
      expect(failure.zh).toContain(`不允许连接到 localhost:${port}`);
    }
    expect(await proxy.log()).toMatch(/refused on filtered domain "localhost"/);
  });

  it('a certificate not trusted behind a proxy: "likely a company proxy … ask IT for the company certificate"; the CLI names NODE_EXTRA_CA_CERTS', async () => {
    const proxy = await startTinyproxy();
    const { url } = await selfSignedServer();
    for (const failure of await failures(createNetwork({ proxy: { mode: 'fixed', url: proxy.url } }), url)) {
      expect(failure.code).toBe('oss.tlsFailed');
      expect(failure.window).toMatch(/likely a company proxy inspecting traffic: ask IT for the company certificate\.$/);
      expect(failure.cli).toMatch(/NODE_EXTRA_CA_CERTS=/);
      expect(failure.zh).toMatch(/公司证书/);
    }
    expect(await proxy.log()).toContain(`CONNECT ${new URL(url).host}`);
  });
});
