import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFerry } from '../../support/cliRun.ts';
import { companyHarness, noKeyringReason, tempDir } from '../../support/integrationHarness.ts';
import { fetchLink, utf8FileName } from '../links/linksHarness.ts';

const FILES: Record<string, Buffer> = {
  'Q3 报告 (final).pdf': randomBytes(250_000),
  '会议记录.txt': Buffer.from('会议记录 — hello 世界\n'),
  'photos/猫 cat.jpg': randomBytes(120_000),
};

/** Parts of 100 KiB (the OSS minimum), so even this small zip goes in several parts with several in flight. */
const SMALL_PARTS = { FERRY_UPLOAD_PART_SIZE: String(100 * 1024) };

async function writeFiles(dir: string): Promise<string[]> {
  const roots = new Set<string>();
  for (const [name, bytes] of Object.entries(FILES)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
    roots.add(path.join(dir, name.split('/')[0]!));
  }
  return [...roots];
}

/** Unzips with Debian's `unzip` (a UTF-8 locale, no -O: the zip's UTF-8 flag decides) and with Python's zipfile. */
async function expectUnzipsToFiles(zip: Buffer, into: string, files: Record<string, Buffer> = FILES): Promise<void> {
  const file = path.join(into, 'shared.zip');
  await writeFile(file, zip);
  const byUnzip = path.join(into, 'unzip');
  execFileSync('unzip', ['-q', file, '-d', byUnzip], { env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  const byPython = path.join(into, 'python');
  const listing = execFileSync('python3', [
    '-c',
    'import json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nz.extractall(sys.argv[2])\nprint(json.dumps([[i.filename, bool(i.flag_bits & 0x800)] for i in z.infolist()]))',
    file,
    byPython,
  ]).toString();
  expect(JSON.parse(listing)).toEqual(Object.keys(files).map((name) => [name, true]));
  for (const [name, bytes] of Object.entries(files)) {
    expect((await readFile(path.join(byUnzip, name))).equals(bytes), `unzip: ${name}`).toBe(true);
    expect((await readFile(path.join(byPython, name))).equals(bytes), `zipfile: ${name}`).toBe(true);
  }
}

const ferry = (home: string, args: string[], lang = 'en') => runFerry(home, args, { lang, env: SMALL_PARTS });

describe.skipIf(noKeyringReason)('one link for many files', () => {
  it('zips finished rows while uploading in several verified parts; the one link downloads a zip that unzip and zipfile open to the same files and names', async () => {
    const h = await companyHarness({ env: SMALL_PARTS });
    const dir = await tempDir('zip-src');
    const added = await h.services.uploads.add(await writeFiles(dir.dir), { source: 'picker' });
    await h.services.uploads.whenIdle();
    expect(added.ids).toHaveLength(3);
    const shared = await h.services.bundles.share({ uploadIds: added.ids }, 'en', { link: true, copy: true });
    const progress = h.ports.events.emitted.filter((e) => e.event === 'bundles.progress').map((e) => e.payload as { bytesDone: number; size: number });
    expect(progress.at(-1)).toMatchObject({ bytesDone: shared.size, size: shared.size });

    const link = shared.link!;
    expect(shared.count).toBe(3);
    expect(link.name).toMatch(/^3 files from .+ — \d{4}-\d{2}-\d{2}\.zip$/);
    expect(shared.objectKey.endsWith(link.name!)).toBe(true);
    expect(h.ports.clipboard.text).toBe(link.url);
    // In the ledger like any other link: the Links screen lists it and Stop sharing finds it by its key.
    const { entries } = await h.services.links.service.list();
    expect(entries.map((e) => [e.objectKey, e.name, e.size])).toEqual([[shared.objectKey, link.name, shared.size]]);

    const got = await fetchLink(link.url);
    expect(got.status, got.body.toString()).toBe(200);
    expect(got.body.length).toBe(shared.size);
    expect(utf8FileName(got.headers.get('content-disposition'))).toBe(link.name);
    // Several parts: the object's ETag is a multipart one ("…-N").
    expect(got.headers.get('etag')).toMatch(/-\d+"?$/);
    await expectUnzipsToFiles(got.body, dir.dir);

    const stop = await h.services.links.stop({ objectKey: shared.objectKey, profileId: h.profile.id, mode: 'delete', confirmed: true }, 'en');
    expect(stop.linksStopped).toBe(1);
    expect((await fetchLink(link.url)).status).toBe(404);
  });

  it('links whose files are gone from this computer are zipped from the bucket', async () => {
    const h = await companyHarness({ env: SMALL_PARTS });
    const dir = await tempDir('zip-src');
    const added = await h.services.uploads.add(await writeFiles(dir.dir), { source: 'picker' });
    await h.services.uploads.whenIdle();
    const linkIds: string[] = [];
    for (const id of added.ids) {
      const item = h.services.uploads.item(id, 'en')!;
      linkIds.push((await h.services.links.service.copy({ objectKey: item.objectKey! }, 'en')).linkId);
    }
    await h.services.uploads.clearFinished();
    for (const root of await writeFiles(dir.dir)) await rm(root, { recursive: true });

    const shared = await h.services.bundles.share({ linkIds }, 'zh-CN', { link: true, copy: false });
    expect(shared.link!.name).toMatch(/^.+ 的 3 个文件 — \d{4}-\d{2}-\d{2}\.zip$/);
    const got = await fetchLink(shared.link!.url);
    expect(got.status).toBe(200);
    // Named as in the bucket (the file's own name, without the folder it was dropped in).
    await expectUnzipsToFiles(got.body, dir.dir, Object.fromEntries(Object.entries(FILES).map(([name, bytes]) => [name.split('/').pop()!, bytes])));
  });

  it('ferry upload --zip NAME FILE… --link uploads one zip and prints one link (JSON and plain text)', async () => {
    const h = await companyHarness();
    const dir = await tempDir('zip-src');
    const roots = await writeFiles(dir.dir);

    const json = await ferry(h.home, ['upload', '--zip', 'Quarter end', ...roots, '--link', '--expires', '1h', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const line = JSON.parse(json.stdout.trim()) as { zip: { name: string; objectKey: string; size: number; files: number }; link: { url: string } };
    expect(line.zip).toMatchObject({ name: 'Quarter end.zip', files: 3 });
    const got = await fetchLink(line.link.url);
    expect(got.status).toBe(200);
    expect(utf8FileName(got.headers.get('content-disposition'))).toBe('Quarter end.zip');
    await expectUnzipsToFiles(got.body, dir.dir);

    // The same name again is kept, beside it: "Quarter end (2).zip"; without --link only the zip is uploaded.
    const plain = await ferry(h.home, ['upload', '--zip', 'Quarter end.zip', ...roots], 'zh-CN');
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/^✓ Quarter end \(2\)\.zip（3 个文件，[\d.]+ KB） → shared\/.+\/Quarter end \(2\)\.zip\n$/);

    const usage = await ferry(h.home, ['upload', '--zip', 'x', '--replace', roots[0]!]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/leave out --replace/);
  });
});
