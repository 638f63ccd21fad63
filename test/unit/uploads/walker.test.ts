import { mkdtemp, mkdir, rm, symlink, writeFile, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walkEntries, walkPaths } from '../../../src-main/uploads/walker.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-walk-'));
});
afterEach(async () => {
  await chmod(path.join(dir, 'Folder', 'locked.txt'), 0o600).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe('walking dropped paths', () => {
  it('recurses folders keeping relative paths, skipping OS clutter', async () => {
    const root = path.join(dir, 'Folder');
    await mkdir(path.join(root, 'a', 'b'), { recursive: true });
    await writeFile(path.join(root, 'top.txt'), 'x');
    await writeFile(path.join(root, 'a', 'b', 'deep.txt'), 'yy');
    await writeFile(path.join(root, '.DS_Store'), '');
    await writeFile(path.join(root, 'a', 'Thumbs.db'), '');
    await writeFile(path.join(root, 'a', 'desktop.ini'), '');
    const loose = path.join(dir, 'loose.txt');
    await writeFile(loose, 'zzz');
    const { files, problems } = await walkPaths([root, loose]);
    expect(problems).toEqual([]);
    expect(files.map((f) => [f.relative, f.size])).toEqual([
      ['Folder/a/b/deep.txt', 2],
      ['Folder/top.txt', 1],
      ['loose.txt', 3],
    ]);
  });

  it('follows symlinks only inside the dropped tree, and survives loops', async () => {
    const root = path.join(dir, 'Folder');
    await mkdir(path.join(root, 'sub'), { recursive: true });
    await writeFile(path.join(root, 'sub', 'in.txt'), 'in');
    const outside = path.join(dir, 'outside.txt');
    await writeFile(outside, 'secret');
    await symlink(outside, path.join(root, 'escape.txt'));
    await symlink(path.join(root, 'sub', 'in.txt'), path.join(root, 'alias.txt'));
    await symlink(root, path.join(root, 'sub', 'loop'));
    const { files } = await walkPaths([root]);
    const names = files.map((f) => f.relative);
    expect(names).toContain('Folder/alias.txt');
    expect(names).toContain('Folder/sub/in.txt');
    expect(names).not.toContain('Folder/escape.txt');
    expect(names.length).toBeLessThan(10);
  });

  it('reports missing paths while the rest continue, and hands each file its stat identity', async () => {
    const root = path.join(dir, 'Folder');
    await mkdir(root);
    await writeFile(path.join(root, 'ok.txt'), 'ok');
    await writeFile(path.join(root, 'locked.txt'), 'no');
    await chmod(path.join(root, 'locked.txt'), 0o000); // found unreadable when the upload opens it
    const { files, problems } = await walkPaths([root, path.join(dir, 'nope.txt')]);
    expect(files.map((f) => f.relative)).toEqual(['Folder/locked.txt', 'Folder/ok.txt']);
    expect(files[1]!.identity).toMatchObject({ size: 2 });
    expect(files[1]!.identity.ino).toBeGreaterThan(0);
    expect(problems.map((p) => [p.relative, p.reason])).toEqual([['nope.txt', 'missing']]);
  });

  it('hands out files as it finds them: a later folder is read only when the walk reaches it', async () => {
    const root = path.join(dir, 'Folder');
    await mkdir(path.join(root, 'later'), { recursive: true });
    await writeFile(path.join(root, 'a.txt'), 'a');
    const found: string[] = [];
    for await (const entry of walkEntries([root])) {
      found.push(entry.relative);
      // Made after the walk handed out its first file: only a walk that has not read `later` yet sees it.
      if (found.length === 1) await writeFile(path.join(root, 'later', 'made-after-first.txt'), 'b');
    }
    expect(found).toEqual(['Folder/a.txt', 'Folder/later/made-after-first.txt']);
  });
});
