import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parseConnection } from '../../../src-main/accounts/connection.ts';
import { runCli } from '../../../src-main/cli/main.ts';

/**
 * `ferry admin create` on a terminal: each answer is typed when its prompt appears on stderr (as a person
 * would), never before, so a prompt that is not asked leaves its answer unused.
 */
async function typeAnswers(args: string[], answers: string[], lang = 'en') {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  const prompts: string[] = [];
  let answered = 0;
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => {
    err += d.toString();
    if (/: $/.test(err)) {
      // No echo here (a terminal echoes what is typed): a prompt is what came after the last answer.
      const tail = err.slice(answered);
      prompts.push(tail.slice(tail.lastIndexOf('\n') + 1));
      answered = err.length;
      stdin.write(`${answers.shift() ?? ''}\n`);
    }
  });
  const code = await runCli(args, { stdout, stderr, stdin, isTTY: true }, { FERRY_LANG: lang, FERRY_HOME: '/nonexistent-ferry-home' });
  return { code, stdout: out, stderr: err, prompts, unused: answers };
}

describe('ferry admin', () => {
  it('asks only for what the flags leave out (flags win), offers defaults, writes a file that imports, and Enter skips the test', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-admin-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const out = path.join(dir, 'acme.ferry.json');
    const run = await typeAnswers(['admin', 'create', '--bucket', 'acme-share', '--out', out], ['Acme Share', '', 'acs:ram::1234567890123456:role/ferry-staff', 'team/{user}/', '']);
    expect(run.code).toBe(0);
    expect(run.prompts).toEqual([
      'Connection name staff will see (e.g. Acme Share): ',
      'Region [cn-hangzhou]: ',
      'RAM role ARN (acs:ram::<account id>:role/<role name>): ',
      'Folder in the bucket for staff files (placeholders: user, yyyy, mm, dd in braces) [shared/{user}/{yyyy}-{mm}/]: ',
      'AccessKey ID: ',
    ]);
    expect(run.unused).toEqual([]);
    expect(parseConnection(await readFile(out, 'utf8'))).toMatchObject({ name: 'Acme Share', bucket: 'acme-share', region: 'cn-hangzhou', prefixTemplate: 'team/{user}/', roleArn: 'acs:ram::1234567890123456:role/ferry-staff' });
    expect(run.stdout).toContain('"Resource": "acs:ram::1234567890123456:role/ferry-staff"');
    expect(run.stdout).toContain('acs:oss:*:*:acme-share/team/*');
    expect(run.stdout).toContain(`Not tested. Once the policies exist, run "ferry admin test ${out}"`);
    // Before the key prompt: where the key would go.
    expect(run.stderr).toContain('Your key will be used with: sts.aliyuncs.com (Alibaba Cloud sign-in (STS)), oss-cn-hangzhou.aliyuncs.com (storage).');
  });

  it('a value that does not pass the import checks is refused in words, and nothing is written', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-admin-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const out = path.join(dir, 'x.ferry.json');
    const run = await typeAnswers(['admin', 'create', '--name', 'X', '--region', 'cn-hangzhou', '--prefix', 'shared/', '--out', out], ['Bad_Bucket', 'arn:not-a-role'], 'zh-CN');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ferry: --bucket 的值无效。请修正后重新运行命令/);
    expect(run.stderr).not.toMatch(/IT/);
    await expect(readFile(out)).rejects.toThrow();
    const address = await typeAnswers(['admin', 'create', '--name', 'X', '--bucket', 'acme', '--region', 'cn-hangzhou', '--role', 'acs:ram::1:role/r', '--prefix', 'p/', '--endpoint', 'http://oss.example.com', '--out', out], []);
    expect([address.code, address.prompts]).toEqual([2, []]);
    expect(address.stderr).toMatch(/^ferry: --endpoint must be a server address only, starting with https:\/\//);
    // A host outside Alibaba Cloud gets the key only when named, as with ferry profile add; nothing is written.
    const foreign = await typeAnswers(['admin', 'create', '--name', 'X', '--bucket', 'acme', '--region', 'cn-hangzhou', '--role', 'acs:ram::1:role/r', '--endpoint', 'https://oss.example.com', '--out', out], []);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain('run the command again with --allow-host oss.example.com');
    await expect(readFile(out)).rejects.toThrow();
  });

  it('policies prints them for an existing link; --access-logs adds the log-reading policy; help lists ferry admin', async () => {
    const link = 'ferry://connect?name=Acme&region=cn-hangzhou&bucket=acme-share&prefix=shared%2F%7Buser%7D%2F&role=acs%3Aram%3A%3A1234567890123456%3Arole%2Fferry-staff';
    const plain = await typeAnswers(['admin', 'policies', link], []);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('turn on logging for the bucket');
    const json = await typeAnswers(['admin', 'policies', link, '--access-logs', 'acme-logs/oss/', '--json'], []);
    const { policies } = JSON.parse(json.stdout) as { policies: { id: string; explanation: Record<string, string>; document: unknown }[] };
    expect(policies.map((p) => p.id)).toEqual(['ram-user', 'role', 'trust', 'access-logs']);
    expect(policies[3]!.explanation['zh-CN']).toMatch(/访问日志/);
    expect(JSON.stringify(policies[3]!.document)).toContain('acs:oss:*:*:acme-logs/oss/*');
    const bad = await typeAnswers(['admin', 'policies', link, '--access-logs', '/etc'], []);
    expect([bad.code, bad.stderr]).toEqual([2, 'ferry: --access-logs needs the bucket and folder OSS writes the access logs to, like my-logs/ferry/ (not "/etc"). Run "ferry --help" to see how to use it.\n']);
    const noRole = await typeAnswers(['admin', 'policies', 'ferry://connect?name=A&region=cn-hangzhou&bucket=acme-share'], []);
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toMatch(/--role acs:ram::/);
    const help = await typeAnswers(['help'], []);
    expect(help.stdout).toMatch(/^ {2}admin +For IT: create a connection file/m);
    const sub = await typeAnswers(['admin', 'nope'], [], 'zh-CN');
    expect(sub.stderr).toContain('ferry admin 没有子命令 "nope"。请使用 create、policies 或 test。');
  });
});
