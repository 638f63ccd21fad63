import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { currentUserName, stablePrefix } from '../../../src-main/accounts/prefixTemplate.ts';
import { Keychain, linkSigningAccount } from '../../../src-main/credentials/keychain.ts';
import { createOssClient } from '../../../src-main/oss/ossClient.ts';
import { DEMO_ROLE } from '../../../src-main/sandbox/index.ts';
import { ManualClock } from '../../../src-main/time/clock.ts';
import { noKeyringReason, servicesHarness, tempDir, type Harness } from '../../support/integrationHarness.ts';
import { assumeRole, ossClient } from '../../support/ossClients.ts';

const DAY = 86_400_000;

/** The trial profile made by "Try it on this computer", removed (with its keychain entries) when the test ends. */
async function tryIt(h: Harness) {
  const view = await h.services.accounts.tryLocally();
  onTestFinished(() => h.services.accounts.remove(view.id, { confirmed: true }).then(() => undefined));
  return view;
}

/** Puts `body` in the trial folder with Ferry's own upload credentials; returns the key. */
async function upload(h: Harness, profileId: string, name: string, body: Buffer): Promise<string> {
  const profile = await h.services.accounts.runtimeProfile(profileId);
  const key = `${stablePrefix(profile.prefixTemplate, currentUserName())}${name}`;
  await createOssClient(profile, await h.services.broker.get(profileId, 'upload')).put(key, body);
  return key;
}

describe.skipIf(noKeyringReason)('Try it on this computer', () => {
  it('starts the sandbox, stores the demo key in the keychain and passes every test step', async () => {
    const h = await servicesHarness();
    const view = await h.services.accounts.tryLocally();
    expect(view.isSandbox).toBe(true);
    expect(view.maskedAccessKeyId).toMatch(/^LTAI••••\w{4}$/);
    const stored = await new Keychain().read(view.id);
    expect(stored?.kind).toBe('access-key');

    const result = await h.services.accounts.test(view.id, 'en');
    expect(result.steps.map((s) => [s.id, s.status, s.error?.code])).toEqual([
      ['keychain', 'ok', undefined],
      ['sts-reachable', 'ok', undefined],
      ['assume-role', 'ok', undefined],
      ['bucket', 'ok', undefined],
      ['write', 'ok', undefined],
      ['link', 'ok', undefined],
      ['cleanup', 'ok', undefined],
    ]);
    expect(result.ok).toBe(true);
    const progress = h.ports.events.emitted.filter((e) => e.event === 'profiles.testProgress');
    expect(progress).toHaveLength(7);
    await h.services.accounts.remove(view.id, { confirmed: true });
    expect(await new Keychain().read(view.id)).toBeUndefined();
    expect(await new Keychain().read(linkSigningAccount(view.id))).toBeUndefined();
  });

  it('a 7-day trial link is not cut to the STS session: it opens now, after 3 days of sandbox time, and not after 8', async () => {
    const sandboxClock = new ManualClock(Date.now());
    const h = await servicesHarness({ sandboxClock });
    const view = await tryIt(h);
    expect(view.hasLinkSigningKey).toBe(true);
    const bytes = randomBytes(4000);
    const key = await upload(h, view.id, 'week.pdf', bytes);

    const options = await h.services.links.expiryOptions({ profileId: view.id }, 'en');
    expect(options.options.map((o) => [o.choice, o.cappedBy])).toEqual([
      ['1h', 'none'],
      ['today', 'none'],
      ['1d', 'none'],
      ['7d', 'none'],
    ]);
    const link = await h.services.links.service.copy({ objectKey: key, expiry: '7d' }, 'en');
    expect(link.cappedBy).toBe('none');
    expect(link.expiresAt - Date.now()).toBeGreaterThan(7 * DAY - 60_000);
    expect(link.summary).not.toContain('sooner');
    expect(link.url).not.toContain('security-token');

    const open = async () => {
      const response = await fetch(link.url);
      return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
    };
    const now = await open();
    expect(now.status).toBe(200);
    expect(now.body.equals(bytes)).toBe(true);

    sandboxClock.advance(3 * DAY);
    const later = await open();
    expect(later.status).toBe(200);
    expect(later.body.equals(bytes)).toBe(true);

    sandboxClock.advance(5 * DAY);
    const dead = await open();
    expect(dead.status).toBe(403);
    expect(dead.body.toString()).toContain('Request has expired');
  });

  it('the link-signing key may only read the trial folder: no reads elsewhere, no writes, no deletes', async () => {
    const h = await servicesHarness();
    const view = await tryIt(h);
    const sandbox = await h.services.sandbox.ensure();
    const demo = sandbox.demo!;
    const signing = await new Keychain().read(linkSigningAccount(view.id));
    if (signing?.kind !== 'access-key') throw new Error('no link-signing key in the keychain');
    expect(signing.accessKeyId).not.toBe(demo.accessKeyId);

    const inside = await upload(h, view.id, 'inside.txt', Buffer.from('inside'));
    // The role itself reaches the whole bucket: put an object outside the trial folder with it.
    const role = await assumeRole(sandbox, { id: demo.accessKeyId, secret: demo.accessKeySecret }, DEMO_ROLE);
    await ossClient(sandbox, role, { bucket: demo.bucket, v4: true }).put('private/payroll.xlsx', Buffer.from('secret'));

    const linkKey = ossClient(sandbox, signing, { bucket: demo.bucket, v4: true });
    expect((await linkKey.get(inside)).content.toString()).toBe('inside');
    const refused = async (request: Promise<unknown>) => {
      const error = (await request.then(() => undefined, (e: unknown) => e)) as { status?: number; code?: string } | undefined;
      return [error?.status, error?.code];
    };
    expect(await refused(linkKey.get('private/payroll.xlsx'))).toEqual([403, 'AccessDenied']);
    expect(await refused(linkKey.put(`${inside}.copy`, Buffer.from('x')))).toEqual([403, 'AccessDenied']);
    expect(await refused(linkKey.delete(inside))).toEqual([403, 'AccessDenied']);
    expect(await refused(linkKey.list({ prefix: 'shared/' }))).toEqual([403, 'AccessDenied']);
  });

  it('the sandbox restarts with the same link-signing key, and trying again gives it to a trial profile that had none', async () => {
    const home = await tempDir('trial-again');
    const first = await servicesHarness({ home: home.dir });
    const view = await first.services.accounts.tryLocally();
    const before = await new Keychain().read(linkSigningAccount(view.id));
    await first.close();
    // As a trial profile saved before trial links had a link-signing key.
    const file = path.join(home.dir, 'profiles.json');
    const saved = JSON.parse(await readFile(file, 'utf8')) as { profiles: { id: string; hasLinkSigningKey: boolean }[] };
    for (const p of saved.profiles) if (p.id === view.id) p.hasLinkSigningKey = false;
    await writeFile(file, JSON.stringify(saved));
    await new Keychain().remove(linkSigningAccount(view.id));

    const second = await servicesHarness({ home: home.dir });
    onTestFinished(() => second.services.accounts.remove(view.id, { confirmed: true }).then(() => undefined));
    const restarted = await second.services.sandbox.ensure();
    expect(before?.kind === 'access-key' && { accessKeyId: before.accessKeyId, accessKeySecret: before.accessKeySecret }).toEqual(restarted.demo?.linkSigningKey);
    const again = await second.services.accounts.tryLocally();
    expect(again.id).toBe(view.id);
    expect(again.hasLinkSigningKey).toBe(true);
    expect(await new Keychain().read(linkSigningAccount(view.id))).toEqual(before);

    const key = await upload(second, view.id, 'again.txt', Buffer.from('again'));
    const link = await second.services.links.service.copy({ objectKey: key, expiry: '1d' }, 'en');
    expect(link.cappedBy).toBe('none');
    expect((await fetch(link.url)).status).toBe(200);
  });

  it('a trial link made before Ferry restarts still opens after it; when the old port is taken the sandbox moves', async () => {
    const home = await tempDir('trial-restart');
    const first = await servicesHarness({ home: home.dir });
    const view = await first.services.accounts.tryLocally();
    const bytes = randomBytes(2000);
    const key = await upload(first, view.id, 'before-restart.txt', bytes);
    const link = await first.services.links.service.copy({ objectKey: key, expiry: '7d' }, 'en');
    const before = await first.services.sandbox.ensure();
    await first.close();

    const second = await servicesHarness({ home: home.dir });
    onTestFinished(() => second.services.accounts.remove(view.id, { confirmed: true }).then(() => undefined));
    expect((await second.services.sandbox.ensure()).ossEndpoint).toBe(before.ossEndpoint);
    const response = await fetch(link.url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    await second.close();

    // Another program took the OSS port meanwhile: the sandbox starts anyway, elsewhere.
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(Number(new URL(before.ossEndpoint).port), '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => squatter.close(() => resolve())));
    const third = await servicesHarness({ home: home.dir });
    const moved = await third.services.sandbox.ensure();
    expect(moved.ossEndpoint).not.toBe(before.ossEndpoint);
    expect((await third.services.accounts.runtimeProfile(view.id)).endpoint).toBe(moved.ossEndpoint);
  });

  it('the trial\u2019s first link says once, in the person\u2019s language, that trial links open only on this computer', async () => {
    const h = await servicesHarness();
    const view = await tryIt(h);
    const key = await upload(h, view.id, 'notice.txt', Buffer.from('n'));
    const first = await h.services.links.service.copy({ objectKey: key }, 'zh-CN');
    expect(first.notice).toBe('试用链接只能在这台电脑上打开。要把文件分享给别人，请打开“设置”，添加公司的连接。');
    const second = await h.services.links.service.copyMessage({ objectKey: key }, 'en');
    expect(second.notice).toBeUndefined();
    expect((await h.services.links.service.copy({ objectKey: key, expiry: '7d' }, 'en')).notice).toBeUndefined();
  });
});

