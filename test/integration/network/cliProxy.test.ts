import { spawn } from 'node:child_process';
import net from 'node:net';
import tls from 'node:tls';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProfileInputSchema } from '../../../src-main/contract/profiles.ts';
import { demoConfig, generateDemoKey } from '../../../src-main/sandbox/index.ts';
import { closeWhenTestEnds, companySandbox, servicesHarness } from '../../support/integrationHarness.ts';
import { selfSignedCert } from './selfSignedCert.ts';
import { gateTo, noTinyproxyReason, startTinyproxy } from './tinyproxy.ts';

const FERRY = fileURLToPath(new URL('../../../src-main/cli/ferry.mjs', import.meta.url));

/** A saved connection (key from the environment) to a sandbox that only the proxy can reach. */
async function setup(front?: (sandboxOss: string) => Promise<string>) {
  const key = generateDemoKey();
  const company = await companySandbox({ config: demoConfig({ key, bucket: 'acme-share' }) });
  const oss = await gateTo(() => company.ossEndpoint);
  const ossEndpoint = front ? await front(company.ossEndpoint) : oss.url;
  const sts = await gateTo(() => company.stsEndpoint);
  const env = { OSS_ACCESS_KEY_ID: key.id, OSS_ACCESS_KEY_SECRET: key.secret, OSS_STS_ROLE_ARN: company.demo!.roleArn };
  const h = await servicesHarness({ env });
  await h.services.accounts.save({
    profile: ProfileInputSchema.parse({ name: 'Acme', endpoint: ossEndpoint, stsEndpoint: sts.url, region: 'cn-hangzhou', bucket: 'acme-share', roleArn: company.demo!.roleArn, credentialSource: 'env' }),
  });
  const direct = (): number => oss.counts.direct + sts.counts.direct;
  const ferry = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [FERRY, ...args], { env: { PATH: process.env.PATH, FERRY_HOME: h.home, FERRY_LANG: 'en', ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
  return { h, oss, sts, direct, ferry };
}

describe.skipIf(noTinyproxyReason)('ferry behind a proxy (CLI, issue #20)', () => {
  it('http_proxy / HTTP_PROXY / --proxy carry the connection test and an upload through the proxy; NO_PROXY sends them direct', async () => {
    const { h, oss, sts, direct, ferry } = await setup();
    const proxy = await startTinyproxy();

    const viaEnv = await ferry(['profile', 'test'], { http_proxy: proxy.url });
    expect([viaEnv.code, viaEnv.stderr]).toEqual([0, '']);
    const file = path.join(h.home, 'report.txt');
    await writeFile(file, 'quarterly numbers');
    const viaFlag = await ferry(['--proxy', proxy.url, 'upload', file, '--json']);
    expect([viaFlag.code, viaFlag.stderr]).toEqual([0, '']);
    expect(JSON.parse(viaFlag.stdout.trim().split('\n')[0]!)).toMatchObject({ state: 'done' });
    expect(direct()).toBe(0);
    expect(oss.counts.viaProxy).toBeGreaterThan(0);
    expect(sts.counts.viaProxy).toBeGreaterThan(0);
    expect(await proxy.log()).toContain(`CONNECT ${new URL(oss.url).host}`);

    // NO_PROXY applies to --proxy too: Ferry connects directly, and the gates (proxy only) refuse it.
    const bypass = await ferry(['--proxy', proxy.url, 'profile', 'test'], { NO_PROXY: 'example.com, 127.0.0.1' });
    expect(bypass.code).toBe(1);
    expect(direct()).toBeGreaterThan(0);
  });

  it('a proxy login is refused on the command line, and a missing one is asked for in HTTPS_PROXY', async () => {
    const { ferry, direct } = await setup();
    const proxy = await startTinyproxy({ login: { user: 'alice', password: 's3cret' } });
    const onCommandLine = await ferry(['--proxy', `http://alice:s3cret@127.0.0.1:${proxy.port}`, 'profile', 'test']);
    expect(onCommandLine.code).toBe(2);
    expect(onCommandLine.stderr).toMatch(/--proxy takes no password.*HTTPS_PROXY/);
    expect(onCommandLine.stderr).not.toContain('s3cret');

    const noLogin = await ferry(['profile', 'test'], { HTTP_PROXY: proxy.url });
    expect(noLogin.code).toBe(1);
    expect(noLogin.stderr).toMatch(/^ferry: The network proxy 127\.0\.0\.1:\d+ asks for a user name and password\. Put them in HTTPS_PROXY/m);

    const withLogin = await ferry(['profile', 'test'], { HTTP_PROXY: `http://alice:s3cret@127.0.0.1:${proxy.port}` });
    expect([withLogin.code, withLogin.stderr]).toEqual([0, '']);
    expect(direct()).toBe(0);
  });

  it('a company certificate: not trusted, the CLI says to use NODE_EXTRA_CA_CERTS; with it, the connection test passes through the proxy', async () => {
    const { key, cert, certFile } = await selfSignedCert();
    // OSS over https with the company's certificate (what a TLS-inspecting proxy presents).
    const tlsFront = async (sandboxOss: string): Promise<string> => {
      const server = tls.createServer({ key, cert }, (socket) => {
        const upstream = net.connect(Number(new URL(sandboxOss).port), '127.0.0.1');
        socket.pipe(upstream).pipe(socket);
        socket.on('error', () => upstream.destroy());
        upstream.on('error', () => socket.destroy());
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      closeWhenTestEnds({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
      // A host name, not 127.0.0.1: for IP endpoints ali-oss sends an *.aliyuncs.com Host header, which TLS then checks.
      return `https://localhost:${(server.address() as net.AddressInfo).port}`;
    };
    // OSS is behind the TLS front rather than a gate here: the proxy log shows its tunnels, STS's gate the rest.
    const { ferry, sts } = await setup(tlsFront);
    const proxy = await startTinyproxy();
    const proxies = { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url };

    const untrusted = await ferry(['profile', 'test'], proxies);
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).toMatch(/^ferry: .*certificate was not trusted\. This is likely a company proxy inspecting traffic: ask IT for the company certificate, then run with NODE_EXTRA_CA_CERTS=/m);

    const trusted = await ferry(['profile', 'test'], { ...proxies, NODE_EXTRA_CA_CERTS: certFile });
    expect([trusted.code, trusted.stderr]).toEqual([0, '']);
    expect(trusted.stdout).toMatch(/✓ Make a share link that works/);
    expect(sts.counts.direct).toBe(0);
    expect(await proxy.log()).toMatch(/CONNECT localhost:\d+ HTTP/);
  });
});
