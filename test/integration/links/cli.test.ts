import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main.ts';
import type { CliIo } from '../../../src-main/cli/command.ts';
import { noKeyringReason } from '../../support/integrationHarness.ts';
import { fetchLink, linksHarness } from './linksHarness.ts';

function sink(): Writable & { text: string } {
  const w = new Writable({
    write(chunk: Buffer, _enc, done) {
      w.text += chunk.toString();
      done();
    },
  }) as Writable & { text: string };
  w.text = '';
  return w;
}

async function ferry(home: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = sink();
  const stderr = sink();
  const stdin = new PassThrough();
  stdin.end();
  const io: CliIo = { stdout, stderr, stdin, isTTY: false };
  const code = await runCli(args, io, { FERRY_HOME: home, FERRY_LANG: 'en', DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe.skipIf(noKeyringReason)('ferry link / links / revoke', () => {
  it('makes a link, lists it, and stops sharing it', async () => {
    const h = await linksHarness();
    const key = await h.put('发票 #7.pdf', Buffer.from('invoice'));

    const made = await ferry(h.home, ['link', key, '--expires', '1h', '--ip', '127.0.0.1', '--limit', '200']);
    expect(made.code, made.stderr).toBe(0);
    const url = made.stdout.trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/acme-share\/\S+$/);
    expect(made.stderr).toMatch(/^Link copied\. It works until /);
    expect((await fetchLink(url)).status).toBe(200);

    const json = await ferry(h.home, ['link', key, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ objectKey: key, cappedBy: 'credentials' });

    const listed = await ferry(h.home, ['links', '--active', '--json']);
    const rows = listed.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ objectKey: key, sourceIp: '127.0.0.1', limitKBps: 200, state: 'active' });
    expect(listed.stdout).not.toMatch(/signature|http/i);

    const noConfirm = await ferry(h.home, ['revoke', key, '--delete']);
    expect(noConfirm.code).toBe(2);
    expect(noConfirm.stderr).toContain('--yes');
    expect(await ferry(h.home, ['revoke', key, '--delete', '--move', '--yes'])).toMatchObject({ code: 2 });

    const revoked = await ferry(h.home, ['revoke', key, '--move']);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toMatch(/^Moved .+ to .+moved-[0-9a-f]{8}\/发票 #7\.pdf\. 2 links that were still valid no longer work/);
    expect((await fetchLink(url)).status).toBe(404);

    const expired = await ferry(h.home, ['links', '--expired']);
    expect(expired.stdout.trim().split('\n')).toHaveLength(2);
    expect(expired.stdout).toMatch(/^stopped /);
  });

  it('explains bad options in plain words with exit code 2, and failures with exit code 1', async () => {
    const h = await linksHarness();
    const bad = await ferry(h.home, ['link', 'x.txt', '--limit', 'fast']);
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.stderr).toMatch(/--limit takes a whole number/);
    const outOfRange = await ferry(h.home, ['link', 'x.txt', '--limit', '50']);
    expect(outOfRange.code).toBe(1);
    expect(outOfRange.stderr).toMatch(/between 100 and 102400 KB\/s/);
    const badIp = await ferry(h.home, ['link', 'x.txt', '--ip', 'office']);
    expect(badIp.code).toBe(1);
    expect(badIp.stderr).toContain('"office" is not an IP address or range');
    const outside = await ferry(h.home, ['link', 'elsewhere/x.txt']);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/^ferry: "x\.txt" is outside your shared folder \(shared\/[^)]+\/\), so Ferry will not share, move or delete it/);
  });
});
