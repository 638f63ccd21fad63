import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { ProfileInputSchema } from '../../../src-main/contract/profiles.ts';
import { trustedCertificates } from '../../../src-main/network/trustedCertificates.ts';
import { demoConfig, generateDemoKey } from '../../../src-main/sandbox/index.ts';
import { closeWhenTestEnds, companySandbox, servicesHarness, tempDir } from '../../support/integrationHarness.ts';
import { selfSignedCert } from './selfSignedCert.ts';
import { noTinyproxyReason, startTinyproxy } from './tinyproxy.ts';

/** `target` (http://127.0.0.1:port) behind TLS with the company's certificate, as a TLS-inspecting proxy presents it. */
async function tlsFront(target: string, credentials: { key: Buffer; cert: Buffer }): Promise<string> {
  const sockets = new Set<net.Socket>();
  const server = tls.createServer(credentials, (socket) => {
    const upstream = net.connect(Number(new URL(target).port), '127.0.0.1');
    for (const s of [socket, upstream]) {
      sockets.add(s);
      s.once('close', () => sockets.delete(s));
    }
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closeWhenTestEnds({ close: () => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))) });
  // A host name, not 127.0.0.1: for IP endpoints ali-oss sends an *.aliyuncs.com Host header, which TLS then checks.
  return `https://localhost:${(server.address() as net.AddressInfo).port}`;
}

/** Ferry's services (as the app composes them) with a connection whose OSS and STS answer over TLS with a company certificate. */
async function companyOverTls(options: { extraCa?: string[]; cert: { key: Buffer; cert: Buffer } }) {
  const key = generateDemoKey();
  const company = await companySandbox({ config: demoConfig({ key, bucket: 'acme-share' }) });
  const env = { OSS_ACCESS_KEY_ID: key.id, OSS_ACCESS_KEY_SECRET: key.secret, OSS_STS_ROLE_ARN: company.demo!.roleArn };
  const h = await servicesHarness({ env, ...(options.extraCa ? { extraCa: options.extraCa } : {}) });
  const profile = await h.services.accounts.save({
    profile: ProfileInputSchema.parse({
      name: 'Acme',
      endpoint: await tlsFront(company.ossEndpoint, options.cert),
      stsEndpoint: await tlsFront(company.stsEndpoint, options.cert),
      region: 'cn-hangzhou',
      bucket: 'acme-share',
      roleArn: company.demo!.roleArn,
      credentialSource: 'env',
    }),
  });
  return { h, profile };
}

describe('company certificates in the app (issue #20)', () => {
  it('not trusted: "ask IT for the company certificate" (en, zh-CN); with the certificate among the trusted roots, the test and an upload work', async () => {
    const cert = await selfSignedCert();
    const untrusted = await companyOverTls({ cert });
    await untrusted.h.services.settings.update({ network: { mode: 'none' } });
    for (const lang of ['en', 'zh-CN'] as const) {
      const failed = (await untrusted.h.services.accounts.test(untrusted.profile.id, lang)).steps.find((s) => s.status === 'failed');
      expect(failed?.error?.code).toBe('oss.tlsFailed');
      expect(failed?.error?.message).toMatch(lang === 'en' ? /certificate was not trusted\. This is likely a company proxy inspecting traffic: ask IT for the company certificate\.$/ : /证书不受信任.*请向 IT 索取公司证书/);
    }

    const trusted = await companyOverTls({ cert, extraCa: [cert.cert.toString()] });
    await trusted.h.services.settings.update({ network: { mode: 'none' } });
    const test = await trusted.h.services.accounts.test(trusted.profile.id, 'en');
    expect(test.steps.filter((s) => s.status === 'failed')).toEqual([]);
    const file = path.join(trusted.h.home, 'report.txt');
    await writeFile(file, 'quarterly numbers');
    await trusted.h.services.uploads.add([file], { source: 'drop' });
    await trusted.h.services.uploads.whenIdle();
    expect((await trusted.h.services.uploads.list())[0]).toMatchObject({ state: 'done' });
  });

  it.skipIf(noTinyproxyReason)('through a proxy too: untrusted fails plainly, the trusted certificate works through the tunnel', async () => {
    const cert = await selfSignedCert();
    const proxy = await startTinyproxy();
    for (const extraCa of [undefined, [cert.cert.toString()]]) {
      const { h, profile } = await companyOverTls({ cert, ...(extraCa ? { extraCa } : {}) });
      await h.services.settings.update({ network: { mode: 'fixed', url: proxy.url } });
      const test = await h.services.accounts.test(profile.id, 'en');
      const failed = test.steps.find((s) => s.status === 'failed');
      if (extraCa) expect(failed).toBeUndefined();
      else expect(failed?.error?.code).toBe('oss.tlsFailed');
    }
    expect(await proxy.log()).toMatch(/CONNECT localhost:\d+ HTTP/);
  });

  it('the trusted roots: Node\'s defaults, NODE_EXTRA_CA_CERTS and the extra ones (given explicitly, `ca` would otherwise drop them); the OS store where Node reads it', async () => {
    const { cert } = await selfSignedCert();
    const other = (await selfSignedCert()).cert.toString();
    const file = path.join((await tempDir('ca')).dir, 'company.pem');
    await writeFile(file, cert);
    const roots = trustedCertificates([other], { NODE_EXTRA_CA_CERTS: file })!;
    expect(roots).toContain(cert.toString().trim());
    expect(roots).toContain(other.trim());
    expect(roots).toEqual(expect.arrayContaining(tls.rootCertificates.map((pem) => pem.trim())));
    const hasSystemStore = typeof (tls as { getCACertificates?: unknown }).getCACertificates === 'function';
    expect(trustedCertificates([], {})).toEqual(hasSystemStore ? expect.any(Array) : undefined);
  });
});
