import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DroppedData } from '../../../src-main/uploads/droppedData.ts';

let home: string | undefined;
afterEach(async () => {
  if (home) await rm(home, { recursive: true, force: true });
  home = undefined;
});

describe('private copies of files dropped from a browser', () => {
  it('after a restart, copies the upload list no longer refers to are deleted; ones it still needs stay', async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'ferry-dropped-'));
    const root = path.join(home, 'dropped');
    for (const folder of ['drop-finished', 'drop-failed-row', 'drop-crash-leftover']) {
      await mkdir(path.join(root, folder), { recursive: true });
      await writeFile(path.join(root, folder, 'mail attachment.pdf'), 'private bytes');
    }
    const uploads = {
      add: async () => ({ accepted: 0, rejected: [], ids: [] }),
      onChanged: () => () => undefined,
      item: () => undefined,
      // A failed row can still be sent again: its copy must stay.
      localPaths: () => [path.join(root, 'drop-failed-row', 'mail attachment.pdf'), path.join(home!, 'Documents', 'report.docx')],
    };
    const dropped = new DroppedData(home, uploads as never);
    expect(await dropped.sweep()).toBe(2);
    expect(await readdir(root)).toEqual(['drop-failed-row']);
  });

  it('a data folder that never had a dropped file is fine', async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'ferry-dropped-'));
    const dropped = new DroppedData(home, { add: async () => ({}), onChanged: () => () => undefined, item: () => undefined, localPaths: () => [] } as never);
    expect(await dropped.sweep()).toBe(0);
  });
});
