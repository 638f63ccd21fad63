// AssumeRole across processes: every `ferry link` is its own process, and before credential reuse each one
// asked STS again (50 runs, 50 calls). Temporary credentials now live in the keychain per profile and
// purpose, so many runs within one credential lifetime should cost one AssumeRole per purpose. Needs a
// Secret Service (run under dbus-run-session with an unlocked gnome-keyring, as CI does).
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import keytar from '@github/keytar';
import { demoConfig, generateDemoKey, startSandbox } from '../../src-main/sandbox/index.ts';
import type { BenchModule, BenchRow } from './report.ts';

const RUNS = 10;
const FERRY = fileURLToPath(new URL('../../src-main/cli/ferry.mjs', import.meta.url));

function ferry(home: string, args: string[], stdin = ''): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, [FERRY, ...args], { env: { ...process.env, FERRY_HOME: home, FERRY_LANG: 'en' }, stdio: ['pipe', 'pipe', 'ignore'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout })));
}

/** An HTTP hop in front of the sandbox's STS that counts AssumeRole calls (POSTs). */
async function countingSts(target: string): Promise<{ endpoint: string; calls(): number; close(): Promise<void> }> {
  let calls = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST') calls++;
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'content-length')) as Record<string, string>;
      const body = req.method === 'POST' ? Buffer.concat(chunks) : undefined;
      void fetch(new URL(req.url ?? '/', target), { method: req.method ?? 'GET', headers, ...(body ? { body } : {}) }).then(async (reply) => {
        res.writeHead(reply.status, Object.fromEntries(reply.headers));
        res.end(Buffer.from(await reply.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls: () => calls, close: () => new Promise((r) => server.close(() => r())) };
}

/** Removes the AssumeRole results Ferry's processes share (keychain accounts `<id>:session:<purpose>`). */
async function forgetSessions(): Promise<void> {
  for (const { account } of await keytar.findCredentials('Ferry')) if (account.includes(':session:')) await keytar.deletePassword('Ferry', account);
}

const bench: BenchModule = {
  title: `AssumeRole across CLI processes (${RUNS} × ferry link)`,
  async run(): Promise<BenchRow[]> {
    if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
      return [{ name: 'skipped: no D-Bus session (run under dbus-run-session with an unlocked keyring)', value: 0, unit: '' }];
    }
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'ferry-bench-sessions-'));
    const key = generateDemoKey();
    const company = await startSandbox({ dataDir: path.join(tmp, 'company'), config: demoConfig({ key, bucket: 'acme-share' }) });
    const sts = await countingSts(company.stsEndpoint);
    const home = path.join(tmp, 'home');
    try {
      const add = ['profile', 'add', '--name', 'Bench', '--bucket', 'acme-share', '--region', 'cn-hangzhou', '--endpoint', company.ossEndpoint, '--sts', sts.endpoint, '--role', company.demo!.roleArn];
      if ((await ferry(home, add, `${key.id}\n${key.secret}\n`)).code !== 0) throw new Error('ferry profile add failed');
      const file = path.join(tmp, 'report.txt');
      await writeFile(file, 'quarterly numbers');
      const uploaded = await ferry(home, ['upload', file, '--json']);
      const objectKey = (JSON.parse(uploaded.stdout.split('\n')[0]!) as { objectKey: string }).objectKey;

      const links = async (forget: boolean): Promise<number> => {
        const before = sts.calls();
        for (let i = 0; i < RUNS; i++) {
          if (forget) await forgetSessions();
          if ((await ferry(home, ['link', objectKey])).code !== 0) throw new Error('ferry link failed');
        }
        return sts.calls() - before;
      };
      // Baseline: the same runs with the shared credentials removed before each one (what every run did before reuse).
      const baseline = await links(true);
      await forgetSessions();
      const calls = await links(false);
      await ferry(home, ['profile', 'remove', 'Bench']);
      return [
        {
          name: `AssumeRole calls for ${RUNS} ferry link processes (one purpose, one credential lifetime)`,
          value: calls,
          unit: 'calls',
          baseline,
          baselineName: 'each run without the shared credentials',
          target: '<= 1',
          met: calls <= 1,
        },
      ];
    } finally {
      await sts.close();
      await company.close();
      await rm(tmp, { recursive: true, force: true });
    }
  },
};

export default bench;
