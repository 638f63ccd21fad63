import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, chown, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main.ts';
import { bytes, download, listUploads, sha256, uploadHarness, type UploadHarness } from './harness.ts';

const FERRY = fileURLToPath(new URL('../../../src-main/cli/ferry.mjs', import.meta.url));
const PART = 256 * 1024;

function ferry(harness: UploadHarness, args: string[], as?: { uid?: number; gid?: number; cwd?: string }): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [FERRY, ...args], {
    env: {
      PATH: process.env.PATH,
      FERRY_HOME: harness.home,
      FERRY_LANG: 'en',
      FERRY_UPLOAD_PART_SIZE: String(PART),
      FERRY_UPLOAD_MULTIPART_THRESHOLD: String(1024 * 1024),
      ...harness.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(as ?? {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

/** Hands a folder (and what is in it) to `owner`, so a child process running as that user can use it. */
async function chownR(dir: string, owner: { uid: number; gid: number }): Promise<void> {
  await chown(dir, owner.uid, owner.gid);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await chownR(full, owner);
    else if (!entry.name.startsWith('locked')) await chown(full, owner.uid, owner.gid);
  }
}

async function checkpointParts(home: string): Promise<number> {
  const dir = path.join(home, 'uploads', 'checkpoints');
  try {
    const names = (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
    if (names.length === 0) return 0;
    const cp = JSON.parse(await readFile(path.join(dir, names[0]!), 'utf8')) as { parts: unknown[] };
    return cp.parts.length;
  } catch {
    return 0;
  }
}

describe('ferry upload (CLI)', () => {
  it('prints one JSON object per file and exits 1 when one of them fails', async () => {
    const h = await uploadHarness();
    const a = await h.write('cli/a.txt', 'alpha');
    await h.write('cli/sub/b.txt', 'beta');
    const run = ferry(h, ['upload', a, path.join(h.files, 'cli', 'sub'), path.join(h.files, 'missing.txt'), '--json']);
    const { code, stdout, stderr } = await run.done;
    // The failure's plain message goes to stderr, worded for the terminal; its result line stays on stdout.
    expect(stderr).toBe('✗ missing.txt: "missing.txt" was not found: there is nothing at that path (or it was moved or deleted while it was uploading). Check the path, then run the command again.\n');
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { name: string; state: string; objectKey?: string; error?: { code: string } });
    expect(lines).toHaveLength(4);
    // The last line is the summary; failures are counted apart from the files that arrived.
    expect(lines[3]).toEqual({ summary: { uploaded: 2, failed: 1 } });
    expect(lines.find((l) => l.name === 'a.txt')).toMatchObject({ state: 'done' });
    expect(lines.find((l) => l.name === 'sub/b.txt')?.objectKey).toMatch(/\/sub\/b\.txt$/);
    expect(lines.find((l) => l.name === 'missing.txt')).toMatchObject({ state: 'failed', error: { code: 'uploads.fileGone' } });
    expect(code).toBe(1);
    const admin = await h.admin();
    expect((await download(admin, lines.find((l) => l.name === 'a.txt')!.objectKey!)).toString()).toBe('alpha');
  });

  it('failures say what to type, on stderr: a mistyped path, an unknown connection, a failed connection test', async () => {
    const h = await uploadHarness();
    const windowAdvice = /Retry|drop it|Settings|click/i;
    const typo = await ferry(h, ['upload', path.join(h.files, 'reprot.pdf')]).done;
    expect(typo.code).toBe(1);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toMatch(/"reprot\.pdf" was not found.*Check the path/);
    expect(typo.stderr).not.toMatch(windowAdvice);

    const file = await h.write('ok.txt', 'ok');
    const noProfile = await ferry(h, ['upload', file, '--profile', 'no-such']).done;
    expect(noProfile.code).toBe(1);
    expect(noProfile.stdout).toBe('');
    expect(noProfile.stderr).toContain('"ferry profile list"');

    const wrongSecret = { ...h, env: { ...h.env, OSS_ACCESS_KEY_SECRET: 'x'.repeat(30) } };
    for (const json of [false, true]) {
      const test = await ferry(wrongSecret, ['profile', 'test', ...(json ? ['--json'] : [])]).done;
      expect(test.code).toBe(1);
      expect(test.stdout).toMatch(json ? /"status":"failed"/ : /✗/);
      expect(test.stderr).toMatch(/^ferry: .*secret/m);
      expect(test.stderr).not.toMatch(windowAdvice);
    }
  });

  it('connections reset mid-body are retried and stderr carries only Ferry\'s own lines (the HTTP library\'s go to --verbose)', async () => {
    const h = await uploadHarness();
    // Small files (one PUT from memory), streamed ones (one PUT from the file) and a multipart one.
    const files = await Promise.all([0, 1, 2, 3].map((i) => h.write(`reset/r${i}.bin`, bytes((i < 2 ? 600 * 1024 : 3 * 1024 * 1024) + i, 40 + i))));
    files.push(await h.write('reset/big.bin', bytes(9 * 1024 * 1024, 50)));
    const streamed = { ...h, env: { ...h.env, FERRY_UPLOAD_MULTIPART_THRESHOLD: String(8 * 1024 * 1024) } };
    h.company.faults.add({ method: 'PUT', resetAfterBytes: 64 * 1024, times: 6 });
    const quiet = await ferry(streamed, ['upload', ...files]).done;
    expect(quiet.code).toBe(0);
    expect(quiet.stdout.match(/^✓ /gm)).toHaveLength(files.length);
    expect(h.company.faults.requestCount()).toBeGreaterThan(files.length);
    expect(quiet.stderr).toBe('');

    h.company.faults.add({ method: 'PUT', resetAfterBytes: 64 * 1024, times: 6 });
    const verbose = await ferry(streamed, ['upload', '--verbose', '--json', ...files]).done;
    expect(verbose.code).toBe(0);
    const lines = verbose.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    // Every line is one of Ferry's (redacted) JSON log lines; the library's warnings arrive inside them.
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ level: expect.any(String), scope: expect.any(String) });
  });

  it('`--` ends the options: files named --json and --help are uploaded, not read as flags', async () => {
    const h = await uploadHarness();
    await h.write('--json', 'not a flag');
    await h.write('--help', 'not help either');
    const run = await ferry(h, ['upload', '--', '--json', '--help'], { cwd: h.files }).done;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✓ --json → shared\/.+\/--json$/m);
    expect(run.stdout).toMatch(/^✓ --help → shared\/.+\/--help$/m);
    const admin = await h.admin();
    const key = /^✓ --json → (.+)$/m.exec(run.stdout)![1]!;
    expect((await download(admin, key)).toString()).toBe('not a flag');
    // Before the `--` they are still Ferry's flags.
    const json = await ferry(h, ['upload', '--json', '--', '--json'], { cwd: h.files }).done;
    expect(JSON.parse(json.stdout.trim().split('\n')[0]!)).toMatchObject({ name: '--json', state: 'done' });
  });

  it('draws a progress bar on a terminal and prints a plain line per file', async () => {
    const h = await uploadHarness();
    const file = await h.write('tty/big.bin', bytes(3 * 1024 * 1024, 31));
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    stdout.on('data', (d: Buffer) => (out += d.toString()));
    const env = { FERRY_HOME: h.home, FERRY_LANG: 'en', FERRY_UPLOAD_PART_SIZE: String(PART), FERRY_UPLOAD_MULTIPART_THRESHOLD: String(1024 * 1024), ...h.env };
    // Each part is answered late, so the bar is redrawn (at most ten times a second) while bytes are
    // out but the file is not done yet; on an idle machine the whole file could land between two frames.
    h.company.faults.add({ method: 'PUT', pathIncludes: 'partNumber', delayMs: 300 });
    // Completing is answered late too: the server's check of the whole file is the "verifying" phase.
    h.company.faults.add({ method: 'POST', pathIncludes: 'uploadId', delayMs: 600 });
    const code = await runCli(['upload', file], { stdout, stderr, stdin: new PassThrough(), isTTY: true }, env);
    h.company.faults.clear();
    await new Promise((resolve) => setImmediate(resolve));
    expect(code).toBe(0);
    expect(out).toMatch(/\[#+-*\]\s+\d+%\s+[\d.]+ (KB|MB) \/ 3\.1 MB/);
    expect(out).toMatch(/✓ big\.bin → shared\/.+\/big\.bin/);
    const frames = out.split('\r\u001b[2K');
    // While bytes are out: the time left and the files done and failed, counted apart.
    expect(frames.some((f) => /\d+:\d\d left {2}0\/1 files done, 0 failed/.test(f))).toBe(true);
    // Every byte sent, the server still checking: "verifying", not a bar stuck at 100%.
    expect(frames.some((f) => /100% .* verifying {2}0\/1 files done, 0 failed/.test(f))).toBe(true);
    // The closing line.
    expect(out.replaceAll('\r\u001b[2K', '')).toMatch(/\n1 uploaded\.\n$/);
    expect(await runCli(['upload'], { stdout, stderr, stdin: new PassThrough(), isTTY: true }, env)).toBe(2);
  });

  it('not a terminal: no progress frames; the files, then a summary line, and the failures on stderr', async () => {
    const h = await uploadHarness();
    const a = await h.write('plain/a.txt', 'alpha');
    const run = await ferry(h, ['upload', a, path.join(h.files, 'plain', 'nope.txt')]).done;
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).not.toContain('\r');
    expect(run.stdout).toMatch(/^✓ a\.txt → shared\/.+\/a\.txt\n$/);
    expect(run.stderr).toMatch(/^✗ nope\.txt: .*\n1 uploaded, 1 failed: nope\.txt\. Fix what is said above for each, then run the same command again; files already uploaded are skipped\.\n$/);
  });

  it('--link prints a share link under each uploaded file (in --json inside its result); a bad --expires uploads nothing (exit 2)', async () => {
    const h = await uploadHarness();
    const a = await h.write('share/a.txt', 'alpha');
    const b = await h.write('share/b.txt', 'beta');
    const human = await ferry(h, ['upload', a, '--link']).done;
    expect(human.stderr).toBe('');
    expect(human.code).toBe(0);
    const url = /^✓ a\.txt → .+\n {2}(http\S+)\n1 uploaded\.\n$/.exec(human.stdout)?.[1];
    expect(url).toBeDefined();
    expect(await (await fetch(url!)).text()).toBe('alpha');

    const json = await ferry(h, ['upload', b, '--link', '--expires', '1h', '--json']).done;
    expect(json.code).toBe(0);
    const [result, summary] = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as { state?: string; link?: { url: string; expiresAt: string } });
    expect(result).toMatchObject({ state: 'done', link: { url: expect.stringMatching(/^http/) } });
    expect(Date.parse(result!.link!.expiresAt) - Date.now()).toBeLessThanOrEqual(3_600_000);
    expect(await (await fetch(result!.link!.url)).text()).toBe('beta');
    expect(summary).toEqual({ summary: { uploaded: 1, failed: 0 } });

    const admin = await h.admin();
    const objects = async () => ((await admin.list({ 'max-keys': 1000 }, {})).objects ?? []).length;
    const before = await objects();
    const bad = await ferry(h, ['upload', a, '--link', '--expires', '30s']).done;
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"30s" is not an expiry Ferry understands/);
    expect((await ferry(h, ['upload', a, '--expires', '1h']).done).code).toBe(2);
    expect(await objects()).toBe(before);
  });

  it('a file named to drive the terminal prints no raw control or bidi character, on a terminal or as JSON', async () => {
    const h = await uploadHarness();
    const name = 'invoice\u202Efdp\u001b]0;owned\u0007\u009b2J.exe';
    const file = await h.write(`ctl/${name}`, 'payload');
    const gone = path.join(h.files, 'ctl', `gone\u2067\u001b[2J.txt`);
    const env = { FERRY_HOME: h.home, FERRY_LANG: 'en', ...h.env };
    const capture = () => {
      const stream = new PassThrough();
      const sink = { stream, text: '' };
      stream.on('data', (d: Buffer) => (sink.text += d.toString()));
      return sink;
    };
    // Raw here means: any C0 control but a newline, DEL, C1, a bidi control, a line/paragraph separator.
    const raw = /(?!\n)[\p{Cc}\p{Bidi_Control}\p{Zl}\p{Zp}]/u;
    // The progress bar's own "\r ESC[2K" is the only escape sequence allowed through.
    const withoutBar = (text: string) => text.replaceAll('\r\u001b[2K', '');

    const out = capture();
    const err = capture();
    const tty = await runCli(['upload', file, gone], { stdout: out.stream, stderr: err.stream, stdin: new PassThrough(), isTTY: true }, env);
    expect(tty).toBe(1);
    expect(withoutBar(out.text)).not.toMatch(raw);
    expect(err.text).not.toMatch(raw);
    expect(out.text).toMatch(/✓ invoice\[U\+202E\]fdp\[U\+001B\]\]0;owned\[U\+0007\]\[U\+009B\]2J\.exe → shared\/.+\/invoicefdp\]0;owned2J\.exe\n/);
    expect(out.text).toContain('.exe\n  Hidden characters removed from the name in storage.\n');
    expect(err.text).toContain('✗ gone[U+2067][U+001B][2J.txt: "gone[U+2067][U+001B][2J.txt" was not found');
    expect(out.text).not.toContain('gone');

    const json = capture();
    const jsonErr = capture();
    const code = await runCli(['upload', file, gone, '--json'], { stdout: json.stream, stderr: jsonErr.stream, stdin: new PassThrough(), isTTY: false }, env);
    expect(jsonErr.text).not.toMatch(raw);
    expect(code).toBe(1);
    expect(json.text).not.toMatch(raw);
    const lines = json.text.trim().split('\n').map((l) => JSON.parse(l) as { name: string; state: string; objectKey?: string; error?: { message: string } });
    // JSON keeps the real values (escaped as \uXXXX), so a script can still find the file.
    expect(lines.find((l) => l.state === 'done')).toMatchObject({ name, nameCleaned: true, objectKey: expect.stringMatching(/\/invoicefdp\]0;owned2J \(2\)\.exe$/) });
    expect(lines.find((l) => l.state === 'failed')?.error?.message).toContain('"gone[U+2067][U+001B][2J.txt"');
  });

  // Root reads every file, so as root the unreadable file is made unreadable for an unprivileged user
  // and `ferry upload` runs as that user; otherwise the test runs as it is.
  it('an unreadable file fails with its own message while the others upload', async () => {
    const h = await uploadHarness();
    const ok = await h.write('perm/ok.txt', 'ok');
    const locked = await h.write('perm/locked.txt', 'locked');
    await chmod(locked, 0o000);
    const root = process.getuid?.() === 0;
    const nobody = { uid: 65534, gid: 65534 };
    if (root) {
      for (const dir of [h.home, h.files, path.join(h.files, 'perm')]) await chownR(dir, nobody);
      await chown(ok, nobody.uid, nobody.gid);
    }
    const { code, stdout } = await ferry(h, ['upload', ok, locked, '--json'], root ? nobody : undefined).done;
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { name: string; state: string; error?: { code: string; message: string } });
    expect(lines.find((l) => l.name === 'ok.txt')?.state).toBe('done');
    expect(lines.find((l) => l.name === 'locked.txt')).toMatchObject({ state: 'failed', error: { code: 'uploads.unreadable' } });
    expect(code).toBe(1);
    await chmod(locked, 0o600);
  });

  it('SIGKILL during a folder upload: running the same command again uploads each file once', async () => {
    const h = await uploadHarness();
    const count = 60;
    for (let i = 0; i < count; i++) await h.write(`folder/f${String(i).padStart(4, '0')}.bin`, bytes(4 * 1024, i + 1));
    const folder = path.join(h.files, 'folder');
    const admin = await h.admin();
    const objects = async (): Promise<string[]> => ((await admin.list({ prefix: 'shared/', 'max-keys': 1000 }, {})).objects ?? []).map((o: { name: string }) => o.name);
    // Each PUT waits a little, so the kill lands half-way with files done, in flight and not yet sent.
    h.company.faults.add({ method: 'PUT', delayMs: 40 });
    const first = ferry(h, ['upload', folder, '--json']);
    for (let i = 0; i < 1500 && (await objects()).length < count / 2; i++) await new Promise((r) => setTimeout(r, 10));
    first.child.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');
    h.company.faults.clear();
    const landed = (await objects()).length;
    expect(landed).toBeGreaterThan(0);
    expect(landed).toBeLessThan(count);

    const second = await ferry(h, ['upload', folder, '--json']).done;
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    const lines = second.stdout.trim().split('\n').map((l) => JSON.parse(l) as { state: string });
    expect(lines.pop()).toEqual({ summary: { uploaded: count, failed: 0 } });
    expect(lines).toHaveLength(count);
    expect(lines.every((l) => l.state === 'done')).toBe(true);
    const names = await objects();
    expect(names.filter((n) => n.includes(' ('))).toEqual([]);
    expect(names).toHaveLength(count);
  });

  it('SIGKILL mid-upload: a new process resumes, re-sending at most one round of in-flight parts', async () => {
    const h = await uploadHarness();
    const partConcurrency = 3;
    await h.services.settings.update({ partConcurrency });
    const totalParts = 24;
    const data = bytes(totalParts * PART, 21);
    const file = await h.write('killed.bin', data);
    h.company.faults.add({ method: 'PUT', pathIncludes: 'partNumber', delayMs: 120 });
    const first = ferry(h, ['upload', file, '--json']);
    for (let i = 0; i < 1500 && (await checkpointParts(h.home)) < 6; i++) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    h.company.faults.clear();

    const admin = await h.admin();
    const pending = await listUploads(admin);
    expect(pending).toHaveLength(1);
    const onServer = ((await admin.listParts(pending[0]!.name, pending[0]!.uploadId)).parts as unknown[]).length;
    expect(onServer).toBeGreaterThanOrEqual(6);
    expect(onServer).toBeLessThan(totalParts);

    const before = h.company.faults.requestCount();
    const second = ferry(h, ['upload', file, '--json']);
    const { code, stdout } = await second.done;
    expect(code).toBe(0);
    const line = JSON.parse(stdout.trim().split('\n')[0]!) as { state: string; objectKey: string; notice?: string };
    expect(line.state).toBe('done');
    expect(line.notice).toMatch(/Continued/);
    // Requests of the second run: ListParts + the parts + Complete.
    const partsSent = h.company.faults.requestCount() - before - 2;
    const resentWhole = partsSent - (totalParts - onServer);
    expect(resentWhole).toBeGreaterThanOrEqual(0);
    expect(resentWhole).toBeLessThanOrEqual(partConcurrency);
    expect(sha256(await download(admin, line.objectKey))).toBe(sha256(data));
    expect(await listUploads(admin)).toEqual([]);
  });
});
