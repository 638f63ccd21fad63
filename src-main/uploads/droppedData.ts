import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DROPPED_DATA_LIMIT } from '../contract/uploads.ts';
import { FerryError } from '../errors/ferryError.ts';
import { removeHiddenChars } from '../names/inertName.ts';
import { writePrivateFile } from './clipboardImage.ts';
import type { AddReply, UploadsService } from './uploadsService.ts';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * A name safe to create on any OS: the last path part only, no hidden or control characters, none of
 * the characters Windows refuses, no leading/trailing dots or spaces, at most 200 characters.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = removeHiddenChars(base).text.replace(/[<>:"|?*\u0000-\u001f\u007f]/g, '_');
  const trimmed = Array.from(cleaned.replace(/^[.\s]+|[.\s]+$/g, '')).slice(0, 200).join('').trim();
  if (trimmed === '') return 'dropped file';
  return WINDOWS_RESERVED.test(trimmed) ? `_${trimmed}` : trimmed;
}

/**
 * Files dropped from a browser or a mail program have no path: their bytes arrive here. Each is written
 * to a private folder under `<home>/dropped/`, uploaded under its cleaned name, and deleted once the
 * upload is done, cancelled or cleared from the list.
 */
export class DroppedData {
  /** Upload id → the private folder holding its copy. */
  private readonly folders = new Map<string, string>();

  constructor(
    private readonly home: string,
    private readonly uploads: Pick<UploadsService, 'add' | 'onChanged' | 'item' | 'localPaths'>,
  ) {
    uploads.onChanged((items, removed) => {
      for (const item of items) if (item.state === 'done' || item.state === 'cancelled') void this.forget(item.id);
      for (const id of removed) void this.forget(id);
    });
  }

  /**
   * Deletes every private copy the upload list no longer needs. Copies of uploads that were still running
   * when Ferry quit are resumed after a restart without an id here; this (run once the saved uploads are
   * back in the list) removes the ones that finished, and every copy left behind by a crash.
   */
  async sweep(): Promise<number> {
    const root = path.join(this.home, 'dropped');
    const live = new Set(this.uploads.localPaths().map((p) => path.relative(root, p).split(path.sep)[0]));
    const folders = await fs.readdir(root).catch(() => [] as string[]);
    const stale = folders.filter((name) => !live.has(name) && ![...this.folders.values()].includes(path.join(root, name)));
    await Promise.all(stale.map((name) => fs.rm(path.join(root, name), { recursive: true, force: true }).catch(() => undefined)));
    return stale.length;
  }

  async add(file: { name: string; size: number; bytes?: Uint8Array | undefined }): Promise<AddReply> {
    if (file.size > DROPPED_DATA_LIMIT || !file.bytes) throw new FerryError('uploads.droppedTooLarge', { name: safeFileName(file.name) });
    const root = path.join(this.home, 'dropped');
    await fs.mkdir(root, { recursive: true, mode: 0o700 });
    const folder = await fs.mkdtemp(path.join(root, 'drop-'));
    let reply: AddReply;
    try {
      const name = safeFileName(file.name);
      const written = await writePrivateFile(folder, (n) => (n === 1 ? name : `${n}-${name}`), file.bytes);
      reply = await this.uploads.add([written], { source: 'drop' });
    } catch (error) {
      await fs.rm(folder, { recursive: true, force: true });
      throw error;
    }
    for (const id of reply.ids) {
      this.folders.set(id, folder);
      const state = this.uploads.item(id, 'en')?.state;
      if (state === 'done' || state === 'cancelled') await this.forget(id);
    }
    return reply;
  }

  private async forget(id: string): Promise<void> {
    const folder = this.folders.get(id);
    if (!folder) return;
    this.folders.delete(id);
    await fs.rm(folder, { recursive: true, force: true }).catch(() => undefined);
  }
}
