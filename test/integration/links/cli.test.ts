import { describe, expect, it } from 'vitest';
import { runFerry } from '../../support/cliRun.ts';
import { noKeyringReason } from '../../support/integrationHarness.ts';
import { fetchLink, linksHarness } from './linksHarness.ts';

const ferry = (home: string, args: string[]) => runFerry(home, args);

describe.skipIf(noKeyringReason)('ferry link / links / revoke', () => {
  it('a key that is not in storage fails plainly; several keys give one link per line (one JSON object each)', async () => {
    const h = await linksHarness();
    const a = await h.put('a.txt', Buffer.from('alpha'));
    const b = await h.put('b.txt', Buffer.from('beta'));
    const missing = a.replace(/a\.txt$/, 'no-such.txt');

    const gone = await ferry(h.home, ['link', missing]);
    expect(gone.code).toBe(1);
    expect(gone.stdout).toBe('');
    expect(gone.stderr).toMatch(/"no-such\.txt" is no longer in storage/);

    const many = await ferry(h.home, ['link', a, b]);
    expect(many.code, many.stderr).toBe(0);
    const urls = many.stdout.trim().split('\n');
    expect(urls).toHaveLength(2);
    expect((await fetchLink(urls[0]!)).body.toString()).toBe('alpha');
    expect((await fetchLink(urls[1]!)).body.toString()).toBe('beta');

    const mixed = await ferry(h.home, ['link', a, missing, b, '--json']);
    expect(mixed.code).toBe(1);
    const lines = mixed.stdout.trim().split('\n').map((l) => JSON.parse(l) as { objectKey: string; url?: string; error?: { code: string } });
    expect(lines.map((l) => [l.objectKey, l.url !== undefined, l.error?.code])).toEqual([
      [a, true, undefined],
      [missing, false, 'links.objectMissing'],
      [b, true, undefined],
    ]);
    expect(mixed.stderr).toMatch(/no-such\.txt/);

    // A bad option value is a usage error (exit 2) that names the option to fix.
    for (const [flag, value] of [['--limit', '50'], ['--expires', '30s'], ['--ip', '300.1.1.1']] as const) {
      const bad = await ferry(h.home, ['link', a, flag, value]);
      expect(bad.code, bad.stderr).toBe(2);
      expect(bad.stdout).toBe('');
      expect(bad.stderr).toContain(flag);
    }
  });

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
    const key = await h.put('x.txt', Buffer.from('x'));
    const outOfRange = await ferry(h.home, ['link', key, '--limit', '50']);
    expect(outOfRange.code).toBe(2);
    expect(outOfRange.stderr).toMatch(/between 100 and 102400 KB\/s. Change --limit/);
    const badIp = await ferry(h.home, ['link', key, '--ip', 'office']);
    expect(badIp.code).toBe(2);
    expect(badIp.stderr).toContain('"office" is not an IP address or range. Give --ip');
    const outside = await ferry(h.home, ['link', 'elsewhere/x.txt']);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/^ferry: "x\.txt" is outside your shared folder \(shared\/[^)]+\/\), so Ferry will not share, move or delete it/);
  });
});
