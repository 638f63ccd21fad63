import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { readJson, writeJsonAtomic } from '../../storage/atomicJson.ts';
import { KeyLock } from './keyLock.ts';
import type { StorageLayout } from './layout.ts';
import type { ObjectMeta } from './objectFile.ts';

export const OBJECT_ACLS = ['default', 'private', 'public-read', 'public-read-write'] as const;
export type ObjectAcl = (typeof OBJECT_ACLS)[number];

export interface ObjectAttributes {
  acl: ObjectAcl;
  /** Insertion order is the order GetObjectTagging lists them in. */
  tags: [string, string][];
}

const fileSchema = z.object({
  /** Which write of the key these belong to: an overwrite starts with none, as OSS resets ACL and tags. */
  version: z.string(),
  acl: z.enum(OBJECT_ACLS),
  tags: z.array(z.tuple([z.string(), z.string()])),
});

const NONE: ObjectAttributes = { acl: 'default', tags: [] };

function versionOf(meta: ObjectMeta): string {
  return `${meta.lastModified}:${meta.etag}:${meta.size}`;
}

/**
 * An object's ACL and tags, in a small file beside the object's. The file names the write it belongs
 * to, so a later PutObject/Complete/Copy of the key (or a delete) leaves the new object without them
 * and nothing has to be cleaned up in step with the object itself.
 */
export class ObjectAttributesStore {
  private readonly lock = new KeyLock();

  constructor(private readonly layout: StorageLayout) {}

  async get(bucket: string, meta: ObjectMeta): Promise<ObjectAttributes> {
    const stored = await readJson(this.layout.attributesFile(bucket, meta.key), fileSchema).catch(() => undefined);
    if (!stored || stored.version !== versionOf(meta)) return NONE;
    return { acl: stored.acl, tags: stored.tags };
  }

  /** Changes the attributes of the object `current()` returns (undefined: it is gone, nothing is written). */
  async update(bucket: string, key: string, current: () => ObjectMeta | undefined, change: (old: ObjectAttributes) => ObjectAttributes): Promise<boolean> {
    return this.lock.run(`${bucket}/${key}`, async () => {
      const meta = current();
      if (!meta) return false;
      const next = change(await this.get(bucket, meta));
      const file = this.layout.attributesFile(bucket, key);
      if (next.acl === 'default' && next.tags.length === 0) await fs.rm(file, { force: true });
      else await writeJsonAtomic(file, { version: versionOf(meta), acl: next.acl, tags: next.tags });
      return true;
    });
  }
}
