import { createServer, type Server } from 'node:net';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import keytar from '@github/keytar';
import { describe, expect, it, onTestFinished } from 'vitest';
import { dispatch, type HandlerTable } from '../../../src-main/app/dispatch.ts';
import { buildHandlerTable } from '../../../src-main/app/handlers/handlerTable.ts';
import { Keychain } from '../../../src-main/credentials/keychain.ts';
import { routeFerryUrl } from '../../../src-main/os/ferryUrl.ts';
import { generateDemoKey } from '../../../src-main/sandbox/index.ts';
import { companyHarness, noKeyringReason, servicesHarness, tempDir } from '../../support/integrationHarness.ts';

/** A host that is not Alibaba Cloud's: a listener on another loopback address that counts every connection. */
async function relay(): Promise<{ address: string; connections: () => number; close(): Promise<void> }> {
  let count = 0;
  const server: Server = createServer((socket) => {
    count += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  const { port } = server.address() as { port: number };
  return {
    address: `127.0.0.2:${port}`,
    connections: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Account names stored for service "Ferry" (never the secrets). */
async function keychainAccounts(): Promise<string[]> {
  return (await keytar.findCredentials('Ferry')).map((c) => c.account).sort();
}

const ROLE = 'acs:ram::1234567890123456:role/ferry';
const en = { lang: 'en' } as const;
const keychain = new Keychain();

async function call(table: HandlerTable, channel: string, argument: unknown) {
  return dispatch(table, channel, argument, en);
}

describe.skipIf(noKeyringReason)('key custody: where a stored key may go is decided in main', () => {
  it('a ferry://connect link that sets its own STS host: main names the host and nothing is saved or sent without a yes', async () => {
    const h = await servicesHarness();
    const sts = await relay();
    onTestFinished(sts.close);
    const table = buildHandlerTable(h.services);
    const routed = routeFerryUrl(`ferry://connect?name=Acme&bucket=acme-share&region=cn-hangzhou&role=${ROLE}&sts=https://${sts.address}`);
    if (!routed.ok) throw routed.error;
    const key = generateDemoKey();
    const accountsBefore = await keychainAccounts();

    // The person types the company key and clicks Save; main asks in its own dialog and they keep the default.
    const saved = await call(table, 'profiles.save', { profile: routed.route.profile, accessKey: { accessKeyId: key.id, accessKeySecret: key.secret } });
    expect(saved).toMatchObject({ ok: false, error: { code: 'accounts.hostNotConfirmed' } });
    expect((saved as { error: { message: string } }).error.message).toContain(sts.address);
    const asked = h.ports.dialog.calls.filter((c) => c.kind === 'confirm').map((c) => c.options as { message: string; detail: string });
    expect(asked).toHaveLength(1);
    expect(asked[0]!.detail).toContain(sts.address);
    expect(asked[0]!.detail).toMatch(/not an Alibaba Cloud address/);

    expect(await call(table, 'profiles.list', undefined)).toEqual({ ok: true, value: { profiles: [], activeId: null } });
    expect(await keychainAccounts()).toEqual(accountsBefore);
    expect(sts.connections()).toBe(0);

    // Before any key is typed, the window can show every host this connection would use.
    const shown = await call(table, 'profiles.destinations', routed.route.profile);
    expect(shown).toEqual({
      ok: true,
      value: {
        destinations: [
          { role: 'sts', host: sts.address, trusted: false },
          { role: 'storage', host: 'oss-cn-hangzhou.aliyuncs.com', trusted: true },
        ],
      },
    });
  });

  it('a connection file with a storage host outside Alibaba Cloud is saved only after the person says yes to that host', async () => {
    const h = await servicesHarness();
    const dir = await tempDir('conn');
    const file = path.join(dir.dir, 'acme.ferry.json');
    await writeFile(file, JSON.stringify({ ferry: 1, name: 'Acme', endpoint: 'https://files.example.com', region: 'cn-hangzhou', bucket: 'acme-share', roleArn: ROLE }));
    const table = buildHandlerTable(h.services);
    h.ports.dialog.nextOpen.push([file]);
    const picked = await call(table, 'profiles.pickConnectionFile', undefined);
    if (!picked.ok) throw new Error(picked.error.message);
    const key = generateDemoKey();
    h.ports.dialog.nextConfirm.push(0);
    const saved = await call(table, 'profiles.save', { profile: picked.value, accessKey: { accessKeyId: key.id, accessKeySecret: key.secret } });
    expect(saved).toMatchObject({ ok: true, value: { endpoint: 'https://files.example.com' } });
    const asked = h.ports.dialog.calls.filter((c) => c.kind === 'confirm').map((c) => (c.options as { message: string }).message);
    expect(asked).toEqual(['Send your key\'s sign-ins and your files to files.example.com?']);
    // A plain edit later (the default link expiry) asks nothing and needs no key.
    const view = (saved as { value: Record<string, unknown> }).value;
    expect(await call(table, 'profiles.save', { profile: { ...view, defaultLinkExpiry: '7d' } })).toMatchObject({ ok: true });
    expect(h.ports.dialog.calls.filter((c) => c.kind === 'confirm')).toHaveLength(1);
  });

  it('re-pointing a stored key (STS host, folder, role, bucket) needs the key again; plain edits do not', async () => {
    const c = await companyHarness();
    const sts = await relay();
    onTestFinished(sts.close);
    const table = buildHandlerTable(c.services);
    const listed = await call(table, 'profiles.list', undefined);
    if (!listed.ok) throw new Error(listed.error.message);
    const view = (listed.value as { profiles: Record<string, unknown>[] }).profiles[0]!;
    const before = await c.services.accounts.store.get(c.profile.id);

    for (const change of [
      { stsEndpoint: `http://localhost:${sts.address.split(':')[1]}` },
      { prefixTemplate: '' },
      { roleArn: 'acs:ram::1234567890123456:role/admin' },
      { bucket: 'other-bucket' },
      { endpoint: 'http://127.0.0.1:1' },
    ]) {
      const result = await call(table, 'profiles.save', { profile: { ...view, ...change } });
      expect(result, JSON.stringify(change)).toMatchObject({ ok: false, error: { code: 'accounts.keyNeededForChange' } });
      expect((result as { error: { message: string } }).error.message).toMatch(/needs its key again.*Save and test connection/);
    }
    expect(await c.services.accounts.store.get(c.profile.id)).toEqual(before);
    expect(sts.connections()).toBe(0);
    expect(await call(table, 'profiles.test', { id: c.profile.id })).toMatchObject({ ok: true, value: { ok: true } });

    const renamed = await call(table, 'profiles.save', { profile: { ...view, name: 'Acme files', defaultLinkExpiry: '7d' } });
    expect(renamed).toMatchObject({ ok: true, value: { name: 'Acme files', defaultLinkExpiry: '7d' } });
    // With the key typed again, the same re-pointing goes through.
    const narrowed = await call(table, 'profiles.save', {
      profile: { ...view, prefixTemplate: 'shared/{user}/inbox/' },
      accessKey: { accessKeyId: c.key.id, accessKeySecret: c.key.secret },
    });
    expect(narrowed).toMatchObject({ ok: true, value: { prefixTemplate: 'shared/{user}/inbox/' } });
  });

  it('switching the sign-in method away from the stored key deletes it only after main asks', async () => {
    const c = await companyHarness();
    const table = buildHandlerTable(c.services);
    const view = ((await call(table, 'profiles.list', undefined)) as { value: { profiles: Record<string, unknown>[] } }).value.profiles[0]!;

    const kept = await call(table, 'profiles.save', { profile: { ...view, credentialSource: 'env' } });
    expect(kept).toMatchObject({ ok: false, error: { code: 'accounts.changeCancelled' } });
    expect(await keychain.read(c.profile.id)).toMatchObject({ kind: 'access-key', accessKeyId: c.key.id });
    expect((await c.services.accounts.store.get(c.profile.id)).credentialSource).toBe('keychain-role');
    const asked = c.ports.dialog.calls.filter((d) => d.kind === 'confirm').map((d) => d.options as { message: string; buttons: string[] });
    expect(asked).toMatchObject([{ message: 'Change how "Acme" signs in, and delete its stored key?', buttons: ['Change and delete key', 'Cancel'] }]);

    c.ports.dialog.nextConfirm.push(0);
    const switched = await call(table, 'profiles.save', { profile: { ...view, credentialSource: 'env' } });
    expect(switched).toMatchObject({ ok: true, value: { credentialSource: 'env' } });
    expect(await keychain.read(c.profile.id)).toBeUndefined();
  });

  it('removing a connection is confirmed by main: "Keep it" keeps the profile and its key', async () => {
    const c = await companyHarness();
    const table = buildHandlerTable(c.services);
    expect(await call(table, 'profiles.remove', { id: c.profile.id })).toEqual({ ok: true, value: { removed: false, cancelled: true } });
    expect(await keychain.read(c.profile.id)).toMatchObject({ kind: 'access-key' });
    expect((await c.services.accounts.list()).profiles).toHaveLength(1);
    const asked = c.ports.dialog.calls.filter((d) => d.kind === 'confirm').map((d) => d.options as { message: string; defaultId: number; cancelId: number });
    expect(asked).toMatchObject([{ message: 'Remove the connection "Acme"?', defaultId: 1, cancelId: 1 }]);

    c.ports.dialog.nextConfirm.push(0);
    expect(await call(table, 'profiles.remove', { id: c.profile.id })).toEqual({ ok: true, value: { removed: true } });
    expect(await keychain.read(c.profile.id)).toBeUndefined();
  });
  it('a connection saved before Ferry asked (or a hand-edited profiles.json) is not used with an unconfirmed host, even after a plain edit', async () => {
    const c = await companyHarness();
    const sts = await relay();
    onTestFinished(sts.close);
    // What a wave-1 hostile link left behind: the stored key pointed at someone else's STS, never confirmed.
    await c.services.accounts.store.update((file) => ({
      ...file,
      profiles: file.profiles.map((p) => ({ ...p, stsEndpoint: `https://${sts.address}` })),
    }));
    c.services.broker.invalidate(c.profile.id);
    const table = buildHandlerTable(c.services);
    const tested = await call(table, 'profiles.test', { id: c.profile.id });
    expect(tested).toMatchObject({ ok: false, error: { code: 'accounts.hostsUnconfirmed' } });
    expect((tested as { error: { message: string } }).error.message).toContain(sts.address);
    expect(await call(table, 'links.copy', { objectKey: 'shared/x.txt' })).toMatchObject({ ok: false, error: { code: 'accounts.hostsUnconfirmed' } });

    const view = ((await call(table, 'profiles.list', undefined)) as { value: { profiles: Record<string, unknown>[] } }).value.profiles[0]!;
    expect(await call(table, 'profiles.save', { profile: { ...view, name: 'Renamed' } })).toMatchObject({ ok: true });
    expect(await call(table, 'profiles.test', { id: c.profile.id })).toMatchObject({ ok: false, error: { code: 'accounts.hostsUnconfirmed' } });
    expect(sts.connections()).toBe(0);
  });
});
