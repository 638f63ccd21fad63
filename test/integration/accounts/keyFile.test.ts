import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src-main/app/dispatch.ts';
import { buildHandlerTable } from '../../../src-main/app/handlers/handlerTable.ts';
import { Keychain } from '../../../src-main/credentials/keychain.ts';
import { configureLogging } from '../../../src-main/log/logger.ts';
import { demoConfig, generateDemoKey } from '../../../src-main/sandbox/index.ts';
import { HELD_KEY_TTL_MS } from '../../../src-main/accounts/heldKeys.ts';
import { ManualClock } from '../../../src-main/time/clock.ts';
import { filesContaining } from '../../support/filesContaining.ts';
import { companySandbox, noKeyringReason, servicesHarness, tempDir, type TempDir } from '../../support/integrationHarness.ts';

const BOM = '\ufeff';
const csvOf = (id: string, secret: string) => `${BOM}AccessKey ID,AccessKey Secret\r\n${id},${secret}\r\n`;
const bytesOf = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  return { dropped: { size: bytes.byteLength, bytes } };
};

type Reply = { ok: boolean; value?: { keyRef: string; maskedAccessKeyId: string; id?: string; ok?: boolean } | null; error?: { code: string; message: string } };

describe.skipIf(noKeyringReason)("a key given as IT hands it out, read in main, kept in the keychain only", () => {
  // Logging is process-wide: one log folder for the whole file, read by the first test.
  let logs: TempDir;
  beforeAll(async () => {
    logs = await tempDir('logs');
    configureLogging({ dir: logs.dir, level: 'debug' });
  });
  afterAll(() => logs.close());

  it('a dropped AccessKey.csv: main holds it, the window gets a reference and the masked ID, and the secret lands in the keychain and nowhere else', async () => {
    const key = generateDemoKey();
    const company = await companySandbox({ config: demoConfig({ key, bucket: 'acme-share' }) });
    const h = await servicesHarness();
    const table = buildHandlerTable(h.services);
    const replies: unknown[] = [];
    const call = async (channel: string, argument: unknown, lang: 'en' | 'zh-CN' = 'en') => {
      const reply = await dispatch(table, channel, argument, { lang });
      replies.push(reply);
      return reply as Reply;
    };

    const read = await call('profiles.readKey', bytesOf(csvOf(key.id, key.secret)));
    expect(read).toEqual({ ok: true, value: { keyRef: expect.stringMatching(/^k[0-9a-f]{32}$/), maskedAccessKeyId: `${key.id.slice(0, 4)}••••${key.id.slice(-4)}` } });
    const profile = { name: 'Acme', endpoint: company.ossEndpoint, stsEndpoint: company.stsEndpoint, region: 'cn-hangzhou', bucket: 'acme-share', roleArn: company.demo!.roleArn };
    const saved = await call('profiles.save', { profile, accessKeyRef: read.value!.keyRef });
    expect(saved.ok).toBe(true);
    const id = saved.value!.id!;
    expect((await call('profiles.test', { id })).value).toMatchObject({ ok: true });
    expect(await new Keychain().read(id)).toEqual({ v: 1, kind: 'access-key', accessKeyId: key.id, accessKeySecret: key.secret });

    // Used once: the reference is gone after the save (and a second save of the same key needs it again).
    const again = await call('profiles.save', { profile: { ...profile, name: 'Acme 2' }, accessKeyRef: read.value!.keyRef });
    expect(again.error?.code).toBe('credentials.heldKeyGone');

    const forms = [key.secret, encodeURIComponent(key.secret), Buffer.from(key.secret).toString('base64')];
    expect(await filesContaining(h.home, forms)).toEqual([]);
    expect(await filesContaining(logs.dir, forms)).toEqual([]);
    expect(await filesContaining(logs.dir, ['profile saved'])).toHaveLength(1); // the log was written
    for (const needle of forms) expect(JSON.stringify([replies, h.ports.events.emitted])).not.toContain(needle);
    await h.services.accounts.remove(id, { confirmed: true });
    await company.close();
  });

  it('a picked AccessKey.csv is read where it is (not copied), pasted lines work the same, and a cancelled dialog holds nothing', async () => {
    const key = generateDemoKey();
    const h = await servicesHarness();
    const table = buildHandlerTable(h.services);
    const dir = await tempDir('it-mail');
    const file = path.join(dir.dir, 'AccessKey.csv');
    await writeFile(file, csvOf(key.id, key.secret));
    h.ports.dialog.nextOpen.push([file], []);
    const picked = (await dispatch(table, 'profiles.pickKeyFile', undefined, { lang: 'en' })) as Reply;
    expect(picked.value).toMatchObject({ keyRef: expect.stringMatching(/^k/), maskedAccessKeyId: expect.stringContaining('••••') });
    expect(h.ports.dialog.calls[0]).toMatchObject({ kind: 'open', options: { title: 'Choose the AccessKey file from IT', multiple: false, filters: [{ extensions: ['csv', 'txt'] }] } });
    expect(await dispatch(table, 'profiles.pickKeyFile', undefined, { lang: 'en' })).toEqual({ ok: true, value: null });

    const pasted = (await dispatch(table, 'profiles.readKey', { text: `AccessKey ID: ${key.id}\nAccessKey Secret: ${key.secret}` }, { lang: 'en' })) as Reply;
    expect(pasted.value?.maskedAccessKeyId).toBe(picked.value?.maskedAccessKeyId);
    expect(JSON.stringify([picked, pasted])).not.toContain(key.secret);
    expect(await filesContaining(h.home, [key.secret])).toEqual([]);
  });

  it('odd and hostile files are refused with plain words in English and Chinese; the secret is in no reply', async () => {
    const key = generateDemoKey();
    const h = await servicesHarness();
    const table = buildHandlerTable(h.services);
    const dir = await tempDir('odd');
    const big = path.join(dir.dir, 'huge.csv');
    await writeFile(big, `AccessKey ID,AccessKey Secret\n${key.id},${key.secret}\n${'x'.repeat(20_000)}`);
    h.ports.dialog.nextOpen.push([big]);
    const tooBig = (await dispatch(table, 'profiles.pickKeyFile', undefined, { lang: 'en' })) as Reply;
    expect(tooBig.error).toEqual({ code: 'credentials.keyFileTooLarge', message: expect.stringMatching(/^This file is too large to be an AccessKey file/) });
    // A dropped file over the limit arrives without its bytes.
    expect(((await dispatch(table, 'profiles.readKey', { dropped: { size: 1_000_000 } }, { lang: 'zh-CN' })) as Reply).error?.message).toMatch(/^这个文件太大/);

    const cases: [string, string, RegExp, RegExp][] = [
      ['two keys', `AccessKey ID,AccessKey Secret\n${key.id},${key.secret}\nFakeKeyId5tOther000000,${key.secret}\n`, /holds 2 different keys/, /有 2 个不同的密钥/],
      ['no key', 'AccessKey ID,AccessKey Secret\r\n', /has no key in it/, /没有密钥/],
      ['not a key file', '{"name":"Acme"}', /is not an AccessKey file/, /不是 AccessKey 文件/],
    ];
    for (const [what, text, en, zh] of cases) {
      const inEnglish = (await dispatch(table, 'profiles.readKey', bytesOf(text), { lang: 'en' })) as Reply;
      const inChinese = (await dispatch(table, 'profiles.readKey', bytesOf(text), { lang: 'zh-CN' })) as Reply;
      expect(inEnglish.error?.message, what).toMatch(en);
      expect(inChinese.error?.message, what).toMatch(zh);
      expect(JSON.stringify([inEnglish, inChinese]), what).not.toContain(key.secret);
    }
    // The page cannot claim a size its bytes do not have.
    expect(((await dispatch(table, 'profiles.readKey', { dropped: { size: 3, bytes: new Uint8Array(10) } }, { lang: 'en' })) as Reply).error?.code).toBe('app.invalidRequest');
  });

  it('a held key is forgotten after a while: connecting then asks for it again', async () => {
    const clock = new ManualClock();
    const h = await servicesHarness({ clock });
    const table = buildHandlerTable(h.services);
    const key = generateDemoKey();
    const read = (await dispatch(table, 'profiles.readKey', { text: `${key.id}\n${key.secret}` }, { lang: 'en' })) as Reply;
    clock.advance(HELD_KEY_TTL_MS + 1);
    const saved = (await dispatch(table, 'profiles.save', { profile: { name: 'Acme', region: 'cn-hangzhou', bucket: 'acme-share', roleArn: 'acs:ram::1234567890123456:role/ferry' }, accessKeyRef: read.value!.keyRef }, { lang: 'en' })) as Reply;
    expect(saved.error?.code).toBe('credentials.heldKeyGone');
    expect((await h.services.accounts.list()).profiles).toEqual([]);
  });
});
