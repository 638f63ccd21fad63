import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConnection } from '../../../src-main/accounts/connection.ts';
import type { RamPolicyId } from '../../../src-main/credentials/ramPolicies.ts';
import { generateDemoKey, startSandbox, type SandboxConfigInput } from '../../../src-main/sandbox/index.ts';
import { closeWhenTestEnds, noKeyringReason, tempDir } from '../../support/integrationHarness.ts';
import { assumeRole, longTerm, ossClient, type Oss } from '../../support/ossClients.ts';

const FERRY = fileURLToPath(new URL('../../../src-main/cli/ferry.mjs', import.meta.url));
const ACCOUNT = '1234567890123456';
const ROLE = `acs:ram::${ACCOUNT}:role/ferry-staff`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function ferry(args: string[], options: { home: string; stdin?: string; env?: NodeJS.ProcessEnv }): Promise<Run> {
  const child = spawn(process.execPath, [FERRY, ...args], {
    env: { ...process.env, FERRY_HOME: options.home, FERRY_LANG: 'en', OSS_ACCESS_KEY_ID: '', OSS_ACCESS_KEY_SECRET: '', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** A port free on 127.0.0.1 now: the sandbox is started on it after `ferry admin` has named it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function status(operation: Promise<unknown>): Promise<number> {
  try {
    const result = (await operation) as { res?: { status: number } };
    return result.res?.status ?? 200;
  } catch (error) {
    return (error as { status?: number }).status ?? -1;
  }
}

describe.skipIf(noKeyringReason)('ferry admin (CLI): what it prints imports cleanly and is exactly enough', () => {
  it('create → IT pastes the printed policies → the file tests, imports, uploads, shares and manages; anything else is denied', async () => {
    const [ossPort, stsPort] = [await freePort(), await freePort()];
    const home = (await tempDir('admin-home')).dir;
    const work = (await tempDir('admin-out')).dir;
    const out = path.join(work, 'acme.ferry.json');
    const created = await ferry(
      ['admin', 'create', '--name', 'Acme', '--bucket', 'acme-share', '--region', 'cn-hangzhou', '--endpoint', `http://127.0.0.1:${ossPort}`, '--sts', `http://127.0.0.1:${stsPort}`, '--role', ROLE, '--link-signing', '--out', out, '--no-test', '--json'],
      { home },
    );
    expect([created.code, created.stderr]).toEqual([0, '']);
    const printed = JSON.parse(created.stdout) as { file: string; link: string; policies: { id: RamPolicyId; document: Record<string, unknown> }[] };
    expect(printed.file).toBe(out);
    const fileText = await readFile(out, 'utf8');
    expect(parseConnection(printed.link)).toEqual(parseConnection(fileText));
    const policy = (id: RamPolicyId) => printed.policies.find((p) => p.id === id)!.document;
    // "Opened" receipts: the read rights on the access-log prefix, printed for the same file.
    const withLogs = await ferry(['admin', 'policies', out, '--access-logs', 'acme-logs/ferry/', '--json'], { home });
    const logsPolicy = (JSON.parse(withLogs.stdout) as { policies: { id: RamPolicyId; document: Record<string, unknown> }[] }).policies.find((p) => p.id === 'access-logs')!.document;

    // The company's account, set up only with what ferry admin printed (and an owner's file outside the folder).
    const staff = generateDemoKey();
    const signer = generateDemoKey();
    const admin = generateDemoKey();
    const owner = generateDemoKey();
    const config: SandboxConfigInput = {
      accountId: ACCOUNT,
      buckets: [{ name: 'acme-share' }, { name: 'acme-logs' }],
      users: [
        { name: 'owner', root: true, accessKeys: [{ id: owner.id, secret: owner.secret }] },
        { name: 'ferry-staff-user', accessKeys: [{ id: staff.id, secret: staff.secret }], policies: [policy('ram-user') as never] },
        { name: 'ferry-links', accessKeys: [{ id: signer.id, secret: signer.secret }], policies: [policy('link-signing') as never] },
        { name: 'it-admin', accessKeys: [{ id: admin.id, secret: admin.secret }], policies: [{ Version: '1', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }] },
      ],
      roles: [{ name: 'ferry-staff', trustPolicy: policy('trust') as never, policies: [policy('role') as never, logsPolicy as never] }],
    };
    const dataDir = (await tempDir('admin-sandbox')).dir;
    const sb = closeWhenTestEnds(await startSandbox({ dataDir, port: ossPort, stsPort, config }));
    const asOwner = ossClient(sb, longTerm(owner), { bucket: 'acme-share' });
    await asOwner.put('other/payroll.txt', Buffer.from('not for staff'));
    await asOwner.put('shared/bob/2026-01/bob.txt', Buffer.from("a colleague's file"));

    // IT tests the file live, with an administrator's key from the environment, then with the staff key on stdin.
    const byAdmin = await ferry(['admin', 'test', out], { home, env: { OSS_ACCESS_KEY_ID: admin.id, OSS_ACCESS_KEY_SECRET: admin.secret } });
    expect([byAdmin.code, byAdmin.stderr]).toEqual([0, '']);
    expect(byAdmin.stdout.split('\n').filter((l) => l.startsWith('✓'))).toHaveLength(6);
    expect(byAdmin.stdout).toContain('The connection works.');
    const byStaff = await ferry(['admin', 'test', out, '--json'], { home, stdin: `${staff.id}\n${staff.secret}\n` });
    expect(byStaff.code).toBe(0);
    expect(JSON.parse(byStaff.stdout.trim().split('\n').at(-1)!)).toEqual({ ok: true });

    // Staff import the file through the same path as the window's, with the staff key, and add the link-signing key.
    const imported = await ferry(['profile', 'import', out], { home, stdin: `${staff.id}\n${staff.secret}\n` });
    expect([imported.code, imported.stderr]).toEqual([0, '']);
    const signing = await ferry(['profile', 'signing-key', 'Acme'], { home, stdin: `${signer.id}\n${signer.secret}\n` });
    expect(signing.code).toBe(0);

    // Upload, share (the link opens), manage (list, stop sharing by moving, delete).
    const file = path.join(work, 'report.txt');
    await writeFile(file, 'quarterly numbers');
    const uploaded = await ferry(['upload', file, '--json'], { home });
    expect(uploaded.code).toBe(0);
    const objectKey = (JSON.parse(uploaded.stdout.split('\n')[0]!) as { objectKey: string }).objectKey;
    expect(objectKey).toMatch(/^shared\/[^/]+\/\d{4}-\d{2}\/report\.txt$/);
    const linked = await ferry(['link', objectKey, '--expires', '7d', '--json'], { home });
    expect(linked.code).toBe(0);
    const { url } = JSON.parse(linked.stdout) as { url: string };
    const opened = await fetch(url);
    expect([opened.status, await opened.text()]).toEqual([200, 'quarterly numbers']);
    const links = await ferry(['links', '--json'], { home });
    expect(links.stdout).toContain(objectKey);
    const moved = await ferry(['revoke', objectKey, '--move', '--json'], { home });
    expect([moved.code, moved.stderr]).toEqual([0, '']);
    const newKey = (JSON.parse(moved.stdout) as { newObjectKey: string }).newObjectKey;
    expect((await fetch(url)).status).not.toBe(200);
    const deleted = await ferry(['revoke', newKey, '--delete', '--yes'], { home });
    expect([deleted.code, deleted.stderr]).toEqual([0, '']);
    expect(await status(asOwner.head(newKey))).toBe(404);

    // Outside the printed rights: the RAM user's own key reaches no object; the role (even without Ferry's
    // session policy) nothing outside the folder; the link-signing key only reads inside it.
    const asStaffKey = ossClient(sb, longTerm(staff), { bucket: 'acme-share' });
    expect(await status(asStaffKey.put('shared/direct.txt', Buffer.from('x')))).toBe(403);
    expect(await status(asStaffKey.get('shared/bob/2026-01/bob.txt'))).toBe(403);
    const role: Oss = ossClient(sb, await assumeRole(sb, staff, 'ferry-staff'), { bucket: 'acme-share' });
    expect(await status(role.put('shared/inside.txt', Buffer.from('x')))).toBe(200);
    expect(await status(role.get('other/payroll.txt'))).toBe(403);
    expect(await status(role.delete('other/payroll.txt'))).toBe(403);
    expect(await status(role.put('other/planted.txt', Buffer.from('x')))).toBe(403);
    expect(await status(role.list({ prefix: 'other/' }, {}))).toBe(403);
    expect(await status(role.putACL('shared/inside.txt', 'public-read'))).toBe(403);
    const asOwnerLogs = ossClient(sb, longTerm(owner), { bucket: 'acme-logs' });
    await asOwnerLogs.put('ferry/acme-share2026-01-05-10-00-00-0001', Buffer.from('log line'));
    await asOwnerLogs.put('billing/2026-01.csv', Buffer.from('not for staff'));
    const roleLogs: Oss = ossClient(sb, await assumeRole(sb, staff, 'ferry-staff'), { bucket: 'acme-logs' });
    expect(await status(roleLogs.list({ prefix: 'ferry/' }, {}))).toBe(200);
    expect(await status(roleLogs.get('ferry/acme-share2026-01-05-10-00-00-0001'))).toBe(200);
    expect(await status(roleLogs.get('billing/2026-01.csv'))).toBe(403);
    expect(await status(roleLogs.list({ prefix: 'billing/' }, {}))).toBe(403);
    expect(await status(roleLogs.put('ferry/forged', Buffer.from('x')))).toBe(403);
    const asSigner = ossClient(sb, longTerm(signer), { bucket: 'acme-share' });
    expect(await status(asSigner.get('shared/bob/2026-01/bob.txt'))).toBe(200);
    expect(await status(asSigner.get('other/payroll.txt'))).toBe(403);
    expect(await status(asSigner.put('shared/signer.txt', Buffer.from('x')))).toBe(403);
    expect(await status(asSigner.delete('shared/bob/2026-01/bob.txt'))).toBe(403);

    for (const run of [created, byAdmin, byStaff, imported, signing, uploaded, linked]) {
      for (const secret of [staff.secret, signer.secret, admin.secret]) expect(run.stdout + run.stderr).not.toContain(secret);
    }
    await ferry(['profile', 'remove', 'Acme'], { home });
    // Fifteen `ferry` processes, each starting Node and tsx: minutes on a busy 2-core machine.
  }, 240_000);

  it('a failing step is named, and what to type next is said; no key and a key on a flag are usage errors', async () => {
    const home = (await tempDir('admin-home')).dir;
    const work = (await tempDir('admin-out')).dir;
    const staff = generateDemoKey();
    const dataDir = (await tempDir('admin-sandbox')).dir;
    // The role's policy is missing: AssumeRole works, writing in the folder does not.
    const sb = closeWhenTestEnds(
      await startSandbox({
        dataDir,
        config: {
          accountId: ACCOUNT,
          buckets: [{ name: 'acme-share' }],
          users: [{ name: 'u', accessKeys: [{ id: staff.id, secret: staff.secret }], policies: [{ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE }] }] }],
          roles: [{ name: 'ferry-staff', trustPolicy: { Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: [`acs:ram::${ACCOUNT}:root`] } }] } }],
        },
      }),
    );
    const args = ['admin', 'create', '--name', 'Acme', '--bucket', 'acme-share', '--region', 'cn-hangzhou', '--endpoint', sb.ossEndpoint, '--sts', sb.stsEndpoint, '--role', ROLE, '--out', path.join(work, 'a.ferry.json')];
    const noKey = await ferry(args, { home });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET/);
    expect(noKey.stdout).toBe('');
    const onFlag = await ferry([...args, '--access-key-secret', staff.secret], { home });
    expect(onFlag.code).toBe(2);
    expect(onFlag.stderr).toMatch(/never taken on the command line/);

    const failed = await ferry(args, { home, stdin: `${staff.id}\n${staff.secret}\n` });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^✓ Get short-lived permission for Ferry$/m);
    expect(failed.stdout).toMatch(/^✗ Find the bucket$|^✗ Upload a small test file$/m);
    expect(failed.stdout).toContain('run "ferry admin test" with the file again');
    expect(failed.stderr).toMatch(/^ferry: /m);
    const zh = await ferry([...args, '--force'], { home, stdin: `${staff.id}\n${staff.secret}\n`, env: { FERRY_LANG: 'zh-CN' } });
    expect(zh.stdout).toContain('连接测试在标有 ✗ 的步骤失败');
    const again = await ferry(args, { home, stdin: `${staff.id}\n${staff.secret}\n` });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists\. Name another file with --out, or add --force/);
    for (const run of [failed, zh, again, onFlag]) expect(run.stdout + run.stderr).not.toContain(staff.secret);
  }, 120_000);
});
