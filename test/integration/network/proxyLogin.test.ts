import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../src-main/app/dispatch.ts';
import { buildHandlerTable } from '../../../src-main/app/handlers/handlerTable.ts';
import { Keychain } from '../../../src-main/credentials/keychain.ts';
import { proxyLoginAccount } from '../../../src-main/network/proxyLogins.ts';
import { closeWhenTestEnds, noKeyringReason } from '../../support/integrationHarness.ts';
import { filesContaining } from '../../support/filesContaining.ts';
import { appBehindGates } from './appHarness.ts';
import { noTinyproxyReason, startTinyproxy } from './tinyproxy.ts';

const LOGIN = { user: 'alice', password: 'proxy-pass-7fe2' };

describe.skipIf(noTinyproxyReason || noKeyringReason)('a proxy that asks for a login, in the app (issue #20)', () => {
  it('407: the window is asked (naming the proxy); a wrong login is refused plainly and not kept; the right one goes to the keychain and the failed upload goes through', async () => {
    const tiny = await startTinyproxy({ login: LOGIN });
    const { h, upload, call, direct } = await appBehindGates(tiny);
    const proxy = `127.0.0.1:${tiny.port}`;
    const keychain = new Keychain();
    const account = proxyLoginAccount(proxy);
    onTestFinishedRemove(keychain, account);

    expect(await upload('report.txt')).toMatchObject({ state: 'failed', error: { code: 'oss.proxyLoginNeeded', message: expect.stringContaining(`The network proxy ${proxy} asks for a user name and password`) } });
    const asked = h.ports.events.emitted.filter((e) => e.event === 'network.proxyLoginNeeded').map((e) => e.payload);
    expect(asked[0]).toEqual({ proxy, wrong: false });

    const wrong = await call('network.proxyLogin', { proxy, user: LOGIN.user, password: 'not-the-password' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'oss.proxyLoginWrong', message: expect.stringContaining(`The network proxy ${proxy} did not accept the user name or password`) } });
    expect(await keychain.read(account)).toBeUndefined();
    const wrongZh = await dispatch(buildHandlerTable(h.services), 'network.proxyLogin', { proxy, user: LOGIN.user, password: 'not-the-password' }, { lang: 'zh-CN' });
    expect(wrongZh).toMatchObject({ ok: false, error: { message: expect.stringContaining('不接受该用户名或密码') } });

    expect(await call('network.proxyLogin', { proxy, user: LOGIN.user, password: LOGIN.password })).toEqual({ ok: true, value: {} });
    expect(await keychain.read(account)).toEqual({ v: 1, kind: 'proxy-login', ...LOGIN });
    await h.services.uploads.whenIdle();
    expect((await h.services.uploads.list()).find((item) => item.name === 'report.txt')).toMatchObject({ state: 'done' });
    expect(await upload('second.txt')).toMatchObject({ state: 'done' });
    expect(direct()).toBe(0);
    await vi.waitFor(async () => expect(await filesContaining(h.home, [LOGIN.password])).toEqual([])); // retried: files are replaced atomically while it reads
  });

  it('only a proxy that asked may be given a login', async () => {
    const { call } = await appBehindGates();
    expect(await call('network.proxyLogin', { proxy: 'evil.example.com:8080', user: 'a', password: 'b' })).toMatchObject({ ok: false, error: { code: 'network.proxyDidNotAsk' } });
  });
});

function onTestFinishedRemove(keychain: Keychain, account: string): void {
  closeWhenTestEnds({ close: async () => void (await keychain.remove(account).catch(() => false)) });
}
