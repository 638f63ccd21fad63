import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFerry } from '../../support/cliRun.ts';
import { dispatch } from '../../../src-main/app/dispatch.ts';
import { buildHandlerTable } from '../../../src-main/app/handlers/handlerTable.ts';
import { currentUserName, stablePrefix } from '../../../src-main/accounts/prefixTemplate.ts';
import { createOssClient } from '../../../src-main/oss/ossClient.ts';
import { readPolicyFile } from '../../../src-main/policy/policyFile.ts';
import { demoConfig, generateDemoKey } from '../../../src-main/sandbox/index.ts';
import { companySandbox, noKeyringReason, servicesHarness, tempDir, type CompanySandbox } from '../../support/integrationHarness.ts';

/** `ferry …` in-process, as the other CLI tests run it, with the policy file named for this machine. */
const ferry = (home: string, policyFile: string, args: string[], lang = 'en', input = '') => runFerry(home, args, { lang, input, env: { FERRY_POLICY_FILE: policyFile } });

function presetFor(company: CompanySandbox, extra: Record<string, unknown> = {}) {
  return {
    id: 'acme',
    locked: true,
    name: 'Acme Share',
    endpoint: company.ossEndpoint,
    stsEndpoint: company.stsEndpoint,
    region: 'cn-hangzhou',
    bucket: 'acme-share',
    roleArn: company.demo!.roleArn,
    ...extra,
  };
}

async function writePolicy(dir: string, policy: unknown): Promise<string> {
  const file = path.join(dir, 'policy.json');
  await writeFile(file, typeof policy === 'string' ? policy : JSON.stringify(policy, null, 2));
  return file;
}

describe.skipIf(noKeyringReason)('managed settings: a policy file presets and locks a connection and sets the expiry ceiling', () => {
  it('the window (IPC handlers) and the CLI both obey it', async () => {
    const key = generateDemoKey();
    const company = await companySandbox({ config: demoConfig({ key, bucket: 'acme-share' }) });
    const dir = await tempDir('policy');
    const policyFile = await writePolicy(dir.dir, {
      connections: [presetFor(company)],
      maxLinkExpiry: '1d',
      defaultLinkExpiry: '1h',
      forceV4Signatures: true,
      disableTrial: true,
    });
    const h = await servicesHarness({ policy: await readPolicyFile(policyFile) });
    const table = buildHandlerTable(h.services);
    const call = (channel: string, request: unknown, lang: 'en' | 'zh-CN' = 'en') => dispatch(table, channel as never, request as never, { lang });

    // The preset is a profile, active, without a key: the person supplies only that.
    const listed = (await call('profiles.list', undefined)) as { ok: true; value: { profiles: Record<string, unknown>[]; activeId: string } };
    expect(listed.value.activeId).toBe('it-acme');
    const view = listed.value.profiles.find((p) => p.id === 'it-acme')!;
    expect(view).toMatchObject({ name: 'Acme Share', bucket: 'acme-share', defaultLinkExpiry: '1h', signatureVersion: 'v4' });
    expect(view.maskedAccessKeyId).toBeUndefined();
    expect(await call('app.managedSettings', undefined)).toEqual({
      ok: true,
      value: { lockedProfileIds: ['it-acme'], maxLinkExpiry: '1d', defaultLinkExpiry: '1h', forceV4Signatures: true, requireIpRestrictedLinks: false, disableTrial: true },
    });

    // Supplying the key with the settings as shown works; the connection tests fine.
    const { maskedAccessKeyId: _m, isSandbox: _s, hasLinkSigningKey: _k, uploadOnly: _u, lastTest: _t, ...fields } = view;
    const saved = await call('profiles.save', { profile: fields, accessKey: { accessKeyId: key.id, accessKeySecret: key.secret }, makeActive: true });
    expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true, value: { id: 'it-acme' } });
    expect(await call('profiles.test', { id: 'it-acme' })).toMatchObject({ ok: true, value: { ok: true } });

    // Locked: a change that changes nothing goes through (IT's default expiry differs from the stored one) …
    expect(await call('profiles.update', { id: 'it-acme', patch: {} })).toMatchObject({ ok: true, value: { id: 'it-acme', defaultLinkExpiry: '1h' } });
    // … but no re-pointing, no other setting, no removing — in plain words, in both languages.
    for (const patch of [{ bucket: 'other-bucket' }, { defaultLinkExpiry: '7d' }, { name: 'Mine now' }]) {
      const refused = await call('profiles.update', { id: 'it-acme', patch });
      expect(refused).toMatchObject({ ok: false, error: { code: 'policy.connectionLocked' } });
    }
    const resaved = await call('profiles.save', { profile: { ...fields, bucket: 'other-bucket' }, accessKey: { accessKeyId: key.id, accessKeySecret: key.secret } });
    expect(resaved).toMatchObject({ ok: false, error: { code: 'policy.connectionLocked' } });
    const removed = await call('profiles.remove', { id: 'it-acme' }, 'zh-CN');
    expect(removed).toMatchObject({ ok: false, error: { code: 'policy.connectionLocked', message: expect.stringMatching(/由您的 IT 部门设置并已锁定/) } });
    expect(h.ports.dialog.calls.filter((c) => c.kind === 'confirm')).toEqual([]);
    expect(await call('profiles.tryLocally', undefined)).toMatchObject({ ok: false, error: { code: 'policy.trialOff' } });
    // A new connection may not choose V1 while IT forces V4.
    const v1 = await call('profiles.save', { profile: { ...fields, id: undefined, name: 'Old bucket', signatureVersion: 'v1' }, accessKey: { accessKeyId: key.id, accessKeySecret: key.secret } });
    expect(v1).toMatchObject({ ok: false, error: { code: 'policy.v4Required' } });

    // The expiry ceiling: longer choices are not offered and are refused; no choice gets IT's default.
    const profile = await h.services.accounts.runtimeProfile('it-acme');
    const objectKey = `${stablePrefix(profile.prefixTemplate, currentUserName())}report.pdf`;
    await createOssClient(profile, await h.services.broker.get('it-acme', 'upload')).put(objectKey, Buffer.from('report'));
    const options = (await call('links.expiryOptions', {})) as { ok: true; value: { defaultExpiry: string; options: { choice: string }[] } };
    expect(options.value.defaultExpiry).toBe('1h');
    expect(options.value.options.map((o) => o.choice)).not.toContain('7d');
    expect(options.value.options.map((o) => o.choice)).toContain('1d');
    const tooLong = await call('links.copy', { objectKey, expiry: '7d' });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'policy.expiryAboveMaximum.days', message: expect.stringMatching(/at most 1 day\. Choose a shorter time/) } });
    const made = (await call('links.copy', { objectKey })) as { ok: true; value: { expiresAt: number } };
    expect(made.ok).toBe(true);
    expect(made.value.expiresAt - Date.now()).toBeLessThanOrEqual(3_600_000);
    await h.close();

    // The CLI reads the same policy (the same data folder: the key is already in the keychain).
    const link = await ferry(h.home, policyFile, ['link', objectKey, '--expires', '7d']);
    expect(link.code, link.stderr).toBe(2);
    expect(link.stderr).toMatch(/at most 1 day\. Give a shorter time, such as --expires 1d/);
    const ok = await ferry(h.home, policyFile, ['link', objectKey, '--expires', '1d']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/acme-share\//);
    const remove = await ferry(h.home, policyFile, ['profile', 'remove', 'Acme Share']);
    expect(remove.code).toBe(1);
    expect(remove.stderr).toMatch(/"Acme Share" was set up by your IT department and is locked/);
    const sandbox = await ferry(h.home, policyFile, ['sandbox']);
    expect(sandbox.code).toBe(1);
    expect(sandbox.stderr).toMatch(/turned off the trial sandbox.*ferry profile import/);
    const oldSig = await ferry(h.home, policyFile, ['profile', 'add', '--name', 'Old', '--bucket', 'acme-share', '--region', 'cn-hangzhou', '--endpoint', company.ossEndpoint, '--role', company.demo!.roleArn, '--sig', 'v1']);
    expect(oldSig.code).toBe(1);
    expect(oldSig.stderr).toMatch(/requires V4 signatures.*--sig v4/);
    const list = await ferry(h.home, policyFile, ['profile', 'list']);
    expect(list.stdout).toContain('Acme Share');
    await h.services.accounts.remove('it-acme', { confirmed: true }).catch(() => undefined);
  });

  it('an IP restriction may be required: a link without one is refused with what to do', async () => {
    const key = generateDemoKey();
    const company = await companySandbox({ config: demoConfig({ key, bucket: 'acme-share' }) });
    const dir = await tempDir('policy');
    const policyFile = await writePolicy(dir.dir, { connections: [presetFor(company, { locked: false })], requireIpRestrictedLinks: true });
    // The key for the preset, typed at the command line (stdin), as a CLI-only person would.
    const home = (await tempDir('home')).dir;
    const keyed = await ferry(home, policyFile, ['profile', 'key', 'Acme Share'], 'en', `${key.id}\n${key.secret}\n`);
    expect(keyed.code, keyed.stderr).toBe(0);
    expect(keyed.stdout).toMatch(/^Saved "Acme Share" \(it-acme\)\. Key \S+ is in the keychain\./);
    const h = await servicesHarness({ home, policy: await readPolicyFile(policyFile) });
    const table = buildHandlerTable(h.services);
    expect((await h.services.accounts.list()).profiles.map((p) => [p.id, p.maskedAccessKeyId !== undefined])).toEqual([['it-acme', true]]);
    const profile = await h.services.accounts.runtimeProfile('it-acme');
    const objectKey = `${stablePrefix(profile.prefixTemplate, currentUserName())}a.txt`;
    await createOssClient(profile, await h.services.broker.get('it-acme', 'upload')).put(objectKey, Buffer.from('a'));

    const refused = await dispatch(table, 'links.copy', { objectKey }, { lang: 'en' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'policy.ipRequired', message: expect.stringMatching(/click Copy link next to the file: it asks for the address/) } });
    expect(await dispatch(table, 'links.copy', { objectKey, sourceIp: '127.0.0.1' }, { lang: 'en' })).toMatchObject({ ok: true });
    // Unlocked: the person may change it, and remove it.
    expect(await dispatch(table, 'profiles.update', { id: 'it-acme', patch: { defaultLinkExpiry: '7d' } }, { lang: 'en' })).toMatchObject({ ok: true });
    await h.close();
    const cli = await ferry(h.home, policyFile, ['link', objectKey]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/Make the link with --ip, such as: ferry link <key> --ip/);
    const withIp = await ferry(h.home, policyFile, ['link', objectKey, '--ip', '127.0.0.1']);
    expect(withIp.code, withIp.stderr).toBe(0);
    // `ferry upload --link` (and with --zip) cannot set an address: refused before anything uploads.
    const uploads = () => Object.entries(company.servedOperations()).filter(([op]) => /Put|Multipart|UploadPart/.test(op)).reduce((n, [, c]) => n + (c ?? 0), 0);
    const before = uploads();
    const file = path.join(dir.dir, 'later.txt');
    await writeFile(file, 'later');
    const uploadLink = await ferry(h.home, policyFile, ['upload', file, '--link']);
    expect(uploadLink.code).not.toBe(0);
    expect(uploadLink.stderr).toMatch(/Make the link with --ip, such as: ferry link <key> --ip .*\(ferry upload --link cannot set an address\)/);
    const zipLink = await ferry(h.home, policyFile, ['upload', '--zip', 'both', file, '--link']);
    expect(zipLink.code).not.toBe(0);
    expect(zipLink.stderr).toMatch(/which ferry upload --zip cannot set\. Nothing was uploaded\./);
    expect(uploads()).toBe(before);
    // The window's "Share as one link" says so in its own words, before the zip uploads.
    const again = await servicesHarness({ home: h.home, policy: await readPolicyFile(policyFile) });
    const zipRefused = await dispatch(buildHandlerTable(again.services), 'bundles.share', { linkIds: [(await again.services.links.ledger.list())[0]!.id] }, { lang: 'en' });
    expect(zipRefused).toMatchObject({ ok: false, error: { code: 'bundles.ipRequired', message: expect.stringMatching(/click Copy link next to each file/) } });
    expect(uploads()).toBe(before);
    await again.close();
    const removed = await ferry(h.home, policyFile, ['profile', 'remove', 'it-acme']);
    expect(removed.code, removed.stderr).toBe(0);
  });
});

describe('managed settings: a malformed policy file', () => {
  it('is reported plainly (what to tell IT) and ignored entirely, not half-applied — window and CLI', async () => {
    const dir = await tempDir('policy');
    // A good ceiling and a preset next to a secret: none of it may apply.
    const policyFile = await writePolicy(dir.dir, {
      maxLinkExpiry: '1h',
      disableTrial: true,
      connections: [{ id: 'acme', locked: true, name: 'Acme Share', region: 'cn-hangzhou', bucket: 'acme-share', accessKeySecret: 'abcdefghijklmnopqrstuvwxyz0123' }],
    });
    const reading = await readPolicyFile(policyFile);
    expect(reading.problem).toMatch(/connections\.0: unknown accessKeySecret/);
    expect(reading.problem).not.toContain('abcdefghijklmnopqrstuvwxyz0123');
    const h = await servicesHarness({ policy: reading });
    const table = buildHandlerTable(h.services);
    expect((await h.services.accounts.list()).profiles).toEqual([]);
    const settings = (await dispatch(table, 'app.managedSettings', undefined, { lang: 'en' })) as { ok: true; value: Record<string, unknown> };
    expect(settings.value).toMatchObject({ lockedProfileIds: [], forceV4Signatures: false, disableTrial: false });
    expect(settings.value.maxLinkExpiry).toBeUndefined();
    expect(settings.value.problem).toBe(
      `Your IT department's settings for Ferry (${policyFile}) contain a mistake, so Ferry is ignoring all of them: connections.0: unknown accessKeySecret. Please tell your IT department, quoting this message.`,
    );
    const zh = (await dispatch(table, 'app.managedSettings', undefined, { lang: 'zh-CN' })) as { ok: true; value: { problem: string } };
    expect(zh.value.problem).toMatch(/有错误，因此 Ferry 忽略了其中的全部设置.*请把这条消息原样告知您的 IT 部门/);
    expect(JSON.stringify(settings)).not.toContain('abcdefghijklmnopqrstuvwxyz0123');
    await h.close();

    const list = await ferry(h.home, policyFile, ['profile', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).not.toContain('Acme Share');
    expect(list.stderr).toContain('ferry: Your IT department\'s settings for Ferry');
    expect(list.stderr).not.toContain('abcdefghijklmnopqrstuvwxyz0123');

    // Not JSON at all: the same, in the person's language.
    const broken = await writePolicy(dir.dir, '{ "maxLinkExpiry": "1h", ');
    const zhList = await ferry(h.home, broken, ['profile', 'list'], 'zh-CN');
    expect(zhList.code).toBe(0);
    expect(zhList.stderr).toMatch(/有错误.*is not valid JSON/);
  });
});
