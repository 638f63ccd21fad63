import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import keytar from '@github/keytar';
import { demoConfig, generateDemoKey } from '../../../src-main/sandbox/index.ts';
import { filesContaining } from '../../support/filesContaining.ts';
import { companySandbox, noKeyringReason, tempDir } from '../../support/integrationHarness.ts';

const FERRY = fileURLToPath(new URL('../../../src-main/cli/ferry.mjs', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function ferry(args: string[], options: { home: string; stdin?: string; env?: NodeJS.ProcessEnv; wrap?: string[] }): Promise<Run> {
  const command = options.wrap ? options.wrap[0]! : process.execPath;
  const argv = options.wrap ? [...options.wrap.slice(1), process.execPath, FERRY, ...args] : [FERRY, ...args];
  const child = spawn(command, argv, {
    env: { ...process.env, FERRY_HOME: options.home, FERRY_LANG: 'en', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

async function ferryEntriesHolding(text: string): Promise<number> {
  const all = await keytar.findCredentials('Ferry');
  return all.filter((c) => c.password.includes(text)).length;
}

describe.skipIf(noKeyringReason)('ferry profile (CLI, real keychain)', () => {
  async function setup() {
    const key = generateDemoKey();
    const company = await companySandbox({ config: demoConfig({ key, bucket: 'acme-share' }) });
    const home = await tempDir('cli-home');
    const addArgs = ['profile', 'add', '--name', 'Acme', '--bucket', 'acme-share', '--region', 'cn-hangzhou', '--endpoint', company.ossEndpoint, '--sts', company.stsEndpoint, '--role', company.demo!.roleArn];
    return { key, company, home: home.dir, addArgs };
  }

  it('adds with the key on stdin, lists it masked, tests, switches and removes it with its keychain entry', async () => {
    const { key, home, addArgs } = await setup();
    const added = await ferry([...addArgs, '--json'], { home, stdin: `  ${key.id}  \n${key.secret}\n` });
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const { profile } = JSON.parse(added.stdout) as { profile: { id: string; maskedAccessKeyId: string } };
    expect(profile.maskedAccessKeyId).toBe(`${key.id.slice(0, 4)}••••${key.id.slice(-4)}`);
    expect(await ferryEntriesHolding(key.secret)).toBe(1);

    const list = await ferry(['profile', 'list'], { home });
    expect(list.stdout).toContain('Acme');
    expect(list.stdout).toContain('••••');

    const test = await ferry(['profile', 'test', 'Acme'], { home });
    expect(test.code).toBe(0);
    expect(test.stdout.split('\n').filter((l) => l.startsWith('✓'))).toHaveLength(7);

    expect((await ferry(['profile', 'use', profile.id], { home })).code).toBe(0);
    const removed = await ferry(['profile', 'remove', 'Acme'], { home });
    expect(removed.code).toBe(0);
    expect(await ferryEntriesHolding(key.secret)).toBe(0);
    for (const run of [added, list, test, removed]) expect(run.stdout + run.stderr).not.toContain(key.secret);
  });

  it('profile signing-key gives a connection a link-signing key: links keep the 7 days asked for', async () => {
    const key = generateDemoKey();
    const linkKey = generateDemoKey();
    const company = await companySandbox({ config: demoConfig({ key, bucket: 'acme-share', linkKey }) });
    const home = (await tempDir('cli-home')).dir;
    const addArgs = ['profile', 'add', '--name', 'Acme', '--bucket', 'acme-share', '--region', 'cn-hangzhou', '--endpoint', company.ossEndpoint, '--sts', company.stsEndpoint, '--role', company.demo!.roleArn];
    expect((await ferry(addArgs, { home, stdin: `${key.id}\n${key.secret}\n` })).code).toBe(0);
    const file = path.join(home, 'report.txt');
    await writeFile(file, 'quarterly numbers');
    const uploaded = await ferry(['upload', file, '--json'], { home });
    const objectKey = (JSON.parse(uploaded.stdout.split('\n')[0]!) as { objectKey: string }).objectKey;

    const before = await ferry(['link', objectKey, '--expires', '7d', '--json'], { home });
    expect(JSON.parse(before.stdout)).toMatchObject({ cappedBy: 'credentials' });

    const saved = await ferry(['profile', 'signing-key', 'Acme'], { home, stdin: `${linkKey.id}\n${linkKey.secret}\n` });
    expect([saved.code, saved.stderr]).toEqual([0, '']);
    expect(saved.stdout).toContain('Saved a link-signing key for Acme');
    expect(await ferryEntriesHolding(linkKey.secret)).toBe(1);

    const after = await ferry(['link', objectKey, '--expires', '7d', '--json'], { home });
    const link = JSON.parse(after.stdout) as { url: string; cappedBy: string };
    expect(link.cappedBy).toBe('none');
    expect(new URL(link.url).searchParams.get('OSSAccessKeyId') ?? new URL(link.url).searchParams.get('x-oss-credential')).toContain(linkKey.id);
    expect((await fetch(link.url)).status).toBe(200);
    for (const run of [saved, after]) expect(run.stdout + run.stderr).not.toContain(linkKey.secret);
  });

  it('imports a connection link and names the failing step when the secret is wrong', async () => {
    const { key, company, home } = await setup();
    const link = `ferry://connect?name=Acme&region=cn-hangzhou&bucket=acme-share&endpoint=${encodeURIComponent(company.ossEndpoint)}&sts=${encodeURIComponent(company.stsEndpoint)}&role=${encodeURIComponent(company.demo!.roleArn)}`;
    const imported = await ferry(['profile', 'import', link], { home, stdin: `${key.id}\nWrongSecretWrongSecretWrongSec\n` });
    expect(imported.code).toBe(0);
    const test = await ferry(['profile', 'test'], { home });
    expect(test.code).toBe(1);
    // The steps on stdout, what failed on stderr.
    expect(test.stdout).toMatch(/^✗ Get short-lived permission for Ferry$/m);
    expect(test.stderr).toMatch(/^ferry: The AccessKey secret does not match/m);
    const zh = await ferry(['profile', 'test'], { home, env: { FERRY_LANG: 'zh-CN' } });
    expect(zh.stderr).toMatch(/^ferry: AccessKey Secret 与 AccessKey ID 不匹配/m);
    await ferry(['profile', 'remove', 'Acme'], { home });
  });

  it('profile test reports only steps it ran, in words; a connection with a role always assumes it (env source)', async () => {
    const { key, home, addArgs } = await setup();
    const env = { OSS_ACCESS_KEY_ID: key.id, OSS_ACCESS_KEY_SECRET: key.secret, OSS_STS_ROLE_ARN: '' };
    // --role with the key from the environment and no OSS_STS_ROLE_ARN: the key only signs AssumeRole.
    const withRole = await ferry([...addArgs, '--source', 'env'], { home, env });
    expect(withRole.code).toBe(0);
    const test = await ferry(['profile', 'test', 'Acme'], { home, env });
    expect(test.stderr).toBe('');
    expect(test.code).toBe(0);
    expect(test.stdout).toMatch(/^✓ Reach Alibaba Cloud's sign-in service$/m);
    expect(test.stdout).toMatch(/^✓ Get short-lived permission for Ferry$/m);
    expect(test.stdout).not.toMatch(/assume-role/);
    const zh = await ferry(['profile', 'test', 'Acme'], { home, env: { ...env, FERRY_LANG: 'zh-CN' } });
    expect(zh.stdout).toMatch(/^✓ 为 Ferry 获取临时权限$/m);

    // No role anywhere: nothing was assumed, so that step is not ticked.
    const noRoleArgs = addArgs.filter((a, i) => a !== '--role' && addArgs[i - 1] !== '--role').map((a) => (a === 'Acme' ? 'Plain' : a));
    expect((await ferry([...noRoleArgs, '--source', 'env'], { home, env })).code).toBe(0);
    const plain = await ferry(['profile', 'test', 'Plain'], { home, env });
    expect(plain.stdout).toMatch(/^– Get short-lived permission for Ferry$/m);
    expect(plain.stdout).toMatch(/^– Reach Alibaba Cloud's sign-in service$/m);
    for (const run of [withRole, test, plain]) expect(run.stdout + run.stderr).not.toContain(key.secret);
  });

  it('importing the same connection twice keeps one connection per name; an ambiguous name is refused with the ids', async () => {
    const { key, company, home } = await setup();
    const file = path.join(home, 'acme.ferry.json');
    await writeFile(file, JSON.stringify({ name: 'Acme', region: 'cn-hangzhou', bucket: 'acme-share', endpoint: company.ossEndpoint, stsEndpoint: company.stsEndpoint, roleArn: company.demo!.roleArn }));
    const first = await ferry(['profile', 'import', file, '--json'], { home, stdin: `${key.id}\n${key.secret}\n` });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const firstId = (JSON.parse(first.stdout) as { profile: { id: string } }).profile.id;
    const second = await ferry(['profile', 'import', file], { home, stdin: `${key.id}\n${key.secret}\n` });
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(`ferry: There is already a connection called "Acme" (${firstId}). Add this one under another name with --name, or remove the old one first with "ferry profile remove ${firstId}".\n`);
    const list = await ferry(['profile', 'list', '--json'], { home });
    expect(list.stdout.trim().split('\n')).toHaveLength(1);

    // Two connections with one name (as an older Ferry could leave them): `use` by that name refuses and names both.
    const other = await ferry(['profile', 'import', file, '--name', 'Other', '--json'], { home, stdin: `${key.id}\n${key.secret}\n` });
    const otherId = (JSON.parse(other.stdout) as { profile: { id: string } }).profile.id;
    const profilesFile = path.join(home, 'profiles.json');
    await writeFile(profilesFile, (await readFile(profilesFile, 'utf8')).replace('"name": "Other"', '"name": "Acme"').replace('"name":"Other"', '"name":"Acme"'));
    const use = await ferry(['profile', 'use', 'Acme'], { home });
    expect(use.code).toBe(2);
    expect(use.stderr).toContain(`Several connections are called "Acme": ${firstId}, ${otherId}. Name one by its id.`);
    expect((await ferry(['profile', 'use', otherId], { home })).code).toBe(0);
    for (const id of [firstId, otherId]) await ferry(['profile', 'remove', id], { home });
  });

  it('ferry status shows the connection in use and runs the connection test step by step, for IT', async () => {
    const { key, company, home, addArgs } = await setup();
    expect((await ferry(addArgs, { home, stdin: `${key.id}\n${key.secret}\n` })).code).toBe(0);
    const status = await ferry(['status'], { home });
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);
    const [first, ...steps] = status.stdout.trim().split('\n');
    expect(first).toMatch(new RegExp(`^Connection "Acme" \\(p[0-9a-f]+\\): bucket acme-share at ${company.ossEndpoint.replace(/[.]/g, '\\.')} \\(cn-hangzhou\\), credentials: keychain-role, key ${key.id.slice(0, 4)}••••`));
    expect(steps).toEqual(["✓ Read the key from this computer's keychain", "✓ Reach Alibaba Cloud's sign-in service", '✓ Get short-lived permission for Ferry', '✓ Find the bucket', '✓ Upload a small test file', '✓ Make a share link that works', '✓ Remove the test file']);
    const json = await ferry(['status', '--json', '--profile', 'Acme'], { home });
    const lines = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ profile: { name: 'Acme', bucket: 'acme-share' }, active: true });
    expect(lines.at(-1)).toEqual({ ok: true });
    const unknown = await ferry(['status', '--profile', 'Nope'], { home });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/ferry profile list/);
    for (const run of [status, json]) expect(run.stdout + run.stderr).not.toContain(key.secret);
    await ferry(['profile', 'remove', 'Acme'], { home });
  });

  it('refuses secrets on the command line (usage error, nothing saved)', async () => {
    const { home, addArgs } = await setup();
    const run = await ferry([...addArgs, '--access-key-secret', 'abcdefghijklmnopqrstuvwxyz0123'], { home });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/never taken on the command line/);
    expect(existsSync(path.join(home, 'profiles.json'))).toBe(false);
  });

  it('keychain unavailable (no Secret Service): clear error and nothing written anywhere', async () => {
    const { key, home, addArgs } = await setup();
    const run = await ferry(addArgs, {
      home,
      stdin: `${key.id}\n${key.secret}\n`,
      env: { DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(home, 'no-bus')}`, DISPLAY: '' },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot reach this computer's keychain .* nothing was written/);
    expect(await readdir(home)).not.toContain('profiles.json');
    expect(await filesContaining(home, [key.secret, key.id])).toEqual([]);
    expect(await ferryEntriesHolding(key.secret)).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(key.secret);
  });

  it('keychain locked: clear error and nothing written anywhere', async () => {
    const { key, home, addArgs } = await setup();
    const lockedHome = await tempDir('locked-home');
    // Create a login keyring once (unlocked with a password, one item stored), then start a fresh
    // session bus whose gnome-keyring finds that keyring locked: nobody types the password this time.
    const keyringEnv = { ...process.env, HOME: lockedHome.dir, XDG_RUNTIME_DIR: lockedHome.dir };
    const prepared = spawnSync('dbus-run-session', [
      '--',
      'sh',
      '-c',
      // The daemon may not own its bus name yet when secret-tool first asks (a loaded machine): try a few times.
      "echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; for i in 1 2 3 4 5 6 7 8 9 10; do echo -n v | secret-tool store --label=prep ferry-test prep && exit 0; sleep 0.5; done; exit 1",
    ], { env: keyringEnv, timeout: 30_000 });
    expect(prepared.status).toBe(0);
    expect(existsSync(path.join(lockedHome.dir, '.local/share/keyrings/login.keyring'))).toBe(true);
    const run = await ferry(addArgs, {
      home,
      stdin: `${key.id}\n${key.secret}\n`,
      env: { HOME: lockedHome.dir, XDG_RUNTIME_DIR: lockedHome.dir, DISPLAY: '', FERRY_LANG: 'zh-CN' },
      wrap: ['dbus-run-session', '--'],
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/钥匙串已锁定或拒绝访问.*没有写入任何内容/);
    expect(await readdir(home)).not.toContain('profiles.json');
    expect(await filesContaining(home, [key.secret, key.id])).toEqual([]);
    expect(await ferryEntriesHolding(key.secret)).toBe(0);
  });
  it('an STS or storage host outside Alibaba Cloud is used only when named with --allow-host; nothing is saved otherwise', async () => {
    const { key, home } = await setup();
    const link = 'ferry://connect?name=Acme&bucket=acme-share&region=cn-hangzhou&role=acs:ram::1234567890123456:role/ferry&sts=https://sts.relay.example.net';
    const refused = await ferry(['profile', 'import', link], { home, stdin: `${key.id}\n${key.secret}\n` });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      "ferry: This connection sends your key's sign-ins or your files to sts.relay.example.net, which is not an Alibaba Cloud address. Nothing was saved. If IT told you to use it, run the command again with --allow-host sts.relay.example.net.\n",
    );
    expect(await ferryEntriesHolding(key.secret)).toBe(0);
    expect(existsSync(path.join(home, 'profiles.json'))).toBe(false);

    const allowed = await ferry(['profile', 'import', link, '--allow-host', 'sts.relay.example.net', '--json'], { home, stdin: `${key.id}\n${key.secret}\n` });
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout)).toMatchObject({ profile: { stsEndpoint: 'https://sts.relay.example.net' } });
    expect(await ferryEntriesHolding(key.secret)).toBe(1);
    const { profile } = JSON.parse(allowed.stdout) as { profile: { id: string } };
    expect((await ferry(['profile', 'remove', profile.id], { home })).code).toBe(0);
    expect(await ferryEntriesHolding(key.secret)).toBe(0);
  });
});
