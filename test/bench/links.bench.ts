// Share links: "Copy link" with warm credentials is signing plus one ranged GET of the link's first byte
// (the link is verified before it reaches the clipboard) — p99 ≤ 20 ms from request to verified URL on
// the clipboard, through the real services, broker and sandbox (credentials from the 'env' source, so no
// keychain is needed). Baselines: ali-oss signatureUrlV4 with the same warm credentials, and the same
// ranged GET made by hand (what verification alone costs).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../../src-main/app/services.ts';
import { ProfileInputSchema } from '../../src-main/contract/profiles.ts';
import { createOssClient } from '../../src-main/oss/ossClient.ts';
import { presignV4 } from '../../src-main/links/presignV4.ts';
import { demoConfig, generateDemoKey, startSandbox } from '../../src-main/sandbox/index.ts';
import { recordingPorts } from '../../src-main/ports/recordingPorts.ts';
import { currentUserName, stablePrefix } from '../../src-main/accounts/prefixTemplate.ts';
import { DEMO_ROLE } from '../../src-main/sandbox/demo.ts';
import { assumeRole, ossClient } from '../support/ossClients.ts';
import type { BenchModule, BenchRow } from './report.ts';

const LINKS = 1000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timeEach(n: number, op: (i: number) => Promise<unknown> | unknown): Promise<{ p50: number; p99: number; perSecond: number }> {
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await op(i);
    times.push(performance.now() - t);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), perSecond: (n / total) * 1000 };
}

const bench: BenchModule = {
  title: `Share links (${LINKS} links, warm credentials, sandbox STS)`,
  async run(): Promise<BenchRow[]> {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'ferry-bench-links-'));
    const key = generateDemoKey();
    const company = await startSandbox({ dataDir: path.join(tmp, 'company'), config: demoConfig({ key, bucket: 'acme-share' }) });
    const env = { OSS_ACCESS_KEY_ID: key.id, OSS_ACCESS_KEY_SECRET: key.secret, OSS_STS_ROLE_ARN: company.demo!.roleArn };
    const ports = recordingPorts();
    const services = await createServices({ home: path.join(tmp, 'home'), ports, appVersion: 'bench', systemLocale: () => 'en', env });
    try {
      const saved = await services.accounts.save({
        profile: ProfileInputSchema.parse({
          name: 'Bench',
          endpoint: company.ossEndpoint,
          stsEndpoint: company.stsEndpoint,
          region: 'cn-hangzhou',
          bucket: 'acme-share',
          roleArn: company.demo!.roleArn,
          // Links stay inside the profile's folder (links/folder.ts): the bench's keys are under shared/.
          prefixTemplate: 'shared/',
          credentialSource: 'env',
          defaultLinkExpiry: '1h',
        }),
        makeActive: true,
      });
      const profile = await services.accounts.runtimeProfile(saved.id);
      const { service } = services.links;
      const folder = stablePrefix(profile.prefixTemplate, currentUserName());
      // Links are verified before they are copied: the objects must exist.
      const uploader = ossClient(company, await assumeRole(company, key, DEMO_ROLE), { bucket: 'acme-share' });
      const keys = [`${folder}warm-up.txt`, ...Array.from({ length: LINKS }, (_, i) => `${folder}bench/报告 ${i} + notes.pdf`)];
      for (let i = 0; i < keys.length; i += 25) await Promise.all(keys.slice(i, i + 25).map((k) => uploader.put(k, Buffer.from('%PDF-1.7 bench'))));
      await service.copy({ objectKey: `${folder}warm-up.txt` }, 'en'); // warms credentials (one AssumeRole)
      const assumedBefore = services.broker.assumeRoleCalls;

      // Request → URL on the clipboard (the recording clipboard notes the write when it is made), and
      // request → reply (also waits for the ledger entry to be durably written).
      const toClipboard: number[] = [];
      const write = ports.clipboard.writeText.bind(ports.clipboard);
      let requestedAt = 0;
      ports.clipboard.writeText = (text: string) => {
        toClipboard.push(performance.now() - requestedAt);
        return write(text);
      };
      const copy = await timeEach(LINKS, async (i) => {
        requestedAt = performance.now();
        await service.copy({ objectKey: `${folder}bench/报告 ${i} + notes.pdf` }, 'en');
        if (!ports.clipboard.text.includes('x-oss-signature=')) throw new Error('no URL on the clipboard');
      });
      toClipboard.sort((a, b) => a - b);
      const clip = { p50: percentile(toClipboard, 50), p99: percentile(toClipboard, 99) };
      const assumed = services.broker.assumeRoleCalls - assumedBefore;

      const credentials = await services.broker.get(saved.id, 'share');
      const client = createOssClient(profile, credentials);
      const aliOss = await timeEach(LINKS, (i) => client.signatureUrlV4('GET', 3600, undefined, `${folder}bench/报告 ${i} + notes.pdf`));
      const ranged = await timeEach(LINKS, async (i) => {
        const response = await fetch(await client.signatureUrlV4('GET', 3600, undefined, `${folder}bench/报告 ${i} + notes.pdf`), { headers: { Range: 'bytes=0-0' } });
        await response.arrayBuffer();
        if (response.status !== 206) throw new Error(`ranged GET answered ${response.status}`);
      });
      const now = Date.now();
      const pure = await timeEach(LINKS, (i) =>
        presignV4({ endpoint: profile.endpoint, bucket: profile.bucket, region: profile.region, key: `${folder}bench/${i}.pdf`, credentials, signedAt: now, expiresAt: now + 3_600_000, query: {} }),
      );

      return [
        { name: 'Copy link: links/s (one after another, ledger included)', value: copy.perSecond, unit: 'links/s', baseline: aliOss.perSecond, baselineName: 'ali-oss signatureUrlV4' },
        { name: 'Copy link: p50 request → URL on clipboard', value: clip.p50, unit: 'ms', baseline: aliOss.p50, baselineName: 'ali-oss signatureUrlV4' },
        { name: 'Copy link: p99 request → URL on clipboard', value: clip.p99, unit: 'ms', baseline: aliOss.p99, baselineName: 'ali-oss signatureUrlV4', target: '<= 20 ms', met: clip.p99 <= 20 },
        { name: 'Verified link: p99 request → verified URL on clipboard', value: clip.p99, unit: 'ms', baseline: ranged.p99, baselineName: 'sign + ranged GET by hand (fetch)', target: '<= 20 ms', met: clip.p99 <= 20 },
        { name: 'Copy link: p50 request → reply (ledger fsync\'d)', value: copy.p50, unit: 'ms' },
        { name: 'Copy link: p99 request → reply (ledger fsync\'d)', value: copy.p99, unit: 'ms' },
        { name: 'AssumeRole calls per 1,000 links (warm)', value: (assumed * 1000) / LINKS, unit: 'calls', target: '0 (local work only)', met: assumed === 0 },
        { name: 'presignV4 alone: links/s', value: pure.perSecond, unit: 'links/s', baseline: aliOss.perSecond, baselineName: 'ali-oss signatureUrlV4' },
        { name: 'presignV4 alone: p99', value: pure.p99, unit: 'ms', baseline: aliOss.p99, baselineName: 'ali-oss signatureUrlV4' },
      ];
    } finally {
      await services.close();
      await company.close();
      await rm(tmp, { recursive: true, force: true });
    }
  },
};

export default bench;
