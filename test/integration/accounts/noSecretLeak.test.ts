import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildHandlerTable } from '../../../src-main/app/handlers/handlerTable.ts';
import { dispatch } from '../../../src-main/app/dispatch.ts';
import { configureLogging } from '../../../src-main/log/logger.ts';
import { demoConfig, generateDemoKey } from '../../../src-main/sandbox/index.ts';
import { filesContaining } from '../../support/filesContaining.ts';
import { companySandbox, noKeyringReason, servicesHarness, tempDir } from '../../support/integrationHarness.ts';

describe.skipIf(noKeyringReason)('no secret leaks', () => {
  it('a full session leaves the secret and the tokens nowhere: data folder, logs, IPC replies, events, clipboard, output', async () => {
    const key = generateDemoKey();
    const company = await companySandbox({ config: demoConfig({ key, bucket: 'acme-share' }) });
    const h = await servicesHarness();
    configureLogging({ dir: path.join(h.home, 'logs'), level: 'debug' });
    const output: string[] = [];
    const out = process.stdout.write.bind(process.stdout);
    const err = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => (output.push(String(chunk)), out(chunk, ...rest))) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => (output.push(String(chunk)), err(chunk, ...rest))) as typeof process.stderr.write;
    const replies: unknown[] = [];
    const table = buildHandlerTable(h.services);
    const call = async (channel: string, argument: unknown, lang: 'en' | 'zh-CN' = 'en') => {
      const reply = await dispatch(table, channel, argument, { lang });
      replies.push(reply);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies of many channels, checked field by field
      return reply as { ok: boolean; value?: any; error?: { code: string } };
    };
    try {
      const saved = await call('profiles.save', {
        profile: { name: 'Acme', endpoint: company.ossEndpoint, stsEndpoint: company.stsEndpoint, region: 'cn-hangzhou', bucket: 'acme-share', roleArn: company.demo!.roleArn },
        accessKey: { accessKeyId: ` ${key.id}`, accessKeySecret: `${key.secret}\n` },
      });
      expect(saved.ok).toBe(true);
      const id = saved.value.id as string;
      expect((await call('profiles.test', { id })).value.ok).toBe(true);
      // A failing call too: errors must not carry secrets either.
      expect((await call('profiles.save', { profile: { name: 'Bad', bucket: 'acme-share', region: 'cn-hangzhou', roleArn: company.demo!.roleArn }, accessKey: { accessKeyId: key.id, accessKeySecret: 'short' } })).ok).toBe(false);

      const files = await tempDir('to-upload');
      const file = path.join(files.dir, 'report.txt');
      await writeFile(file, 'quarterly numbers\n'.repeat(1000));
      const added = await call('uploads.drop', { paths: [file] });
      expect(added.ok).toBe(true);
      let item: { state: string; objectKey?: string } | undefined;
      await vi.waitFor(
        async () => {
          item = ((await call('uploads.list', undefined)).value.items as { state: string; objectKey?: string }[])[0];
          expect(item?.state).toBe('done');
        },
        { timeout: 30_000, interval: 50 },
      );
      const link = await call('links.copy', { objectKey: item!.objectKey });
      expect(link.ok).toBe(true);
      expect(await (await fetch(h.ports.clipboard.text)).text()).toContain('quarterly numbers');
      await call('session.state', undefined);
      await call('profiles.list', undefined);

      const [upload, share, manage] = await Promise.all((['upload', 'share', 'manage'] as const).map((p) => h!.services.broker.get(id, p)));
      // A share link carries its own session token by design (the user asked for that URL); every
      // other secret must appear nowhere, and the share token only in that link.
      const secrets = [key.secret, upload!.accessKeySecret, upload!.securityToken!, share!.accessKeySecret, manage!.accessKeySecret, manage!.securityToken!];
      const shareToken = share!.securityToken!;
      const forms = (values: string[]) => values.flatMap((v) => [v, encodeURIComponent(v)]);
      expect(secrets.every((s) => s.length >= 20)).toBe(true);
      const linkUrl = h.ports.clipboard.text;
      expect(new URL(linkUrl).searchParams.get('x-oss-security-token')).toBe(shareToken);

      const notTheLink = [JSON.stringify(replies.filter((r) => !JSON.stringify(r).includes('x-oss-'))), JSON.stringify(h.ports.events.emitted), output.join('')].join('\n');
      for (const needle of forms([...secrets, shareToken])) expect(notTheLink.includes(needle)).toBe(false);
      for (const needle of forms(secrets)) expect(JSON.stringify([replies, h.ports.clipboard.writes]).includes(needle)).toBe(false);
      expect(await filesContaining(h.home, forms([...secrets, shareToken]))).toEqual([]);
      expect((await filesContaining(h.home, ['"message"'])).some((f) => f.includes('logs'))).toBe(true); // the log was written
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
    }
  });
});
