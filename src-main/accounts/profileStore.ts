import path from 'node:path';
import { z } from 'zod';
import { FerryError } from '../errors/ferryError.ts';
import { logger } from '../log/logger.ts';
import { readJson, writeJsonAtomic } from '../storage/atomicJson.ts';
import { ProfileSchema, type Profile } from '../profile/profileModel.ts';
import { migrateProfilesFile } from './profileMigrations.ts';

export const PROFILES_VERSION = 2;

const FileSchema = z.object({
  version: z.literal(PROFILES_VERSION),
  activeId: z.string().nullable(),
  profiles: z.array(ProfileSchema),
});
export type ProfilesFile = z.output<typeof FileSchema>;

const log = logger('profiles');

/**
 * `<home>/profiles.json`: every connection's non-secret settings and which one is active. Versioned,
 * migrated on read, written atomically; writes are serialised so concurrent saves never lose one.
 */
export class ProfileStore {
  private cached: ProfilesFile | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly home: string) {}

  get file(): string {
    return path.join(this.home, 'profiles.json');
  }

  async read(): Promise<ProfilesFile> {
    if (this.cached) return this.cached;
    const raw = await readJson(this.file, z.unknown()).catch((error: unknown) => {
      log.error('profiles file unreadable', { reason: String(error) });
      throw new FerryError('accounts.profilesFileDamaged', {}, { cause: error });
    });
    if (raw === undefined) return (this.cached = { version: PROFILES_VERSION, activeId: null, profiles: [] });
    const migrated = migrateProfilesFile(raw);
    const parsed = FileSchema.safeParse(migrated);
    if (!parsed.success) throw new FerryError('accounts.profilesFileDamaged');
    this.cached = parsed.data;
    if ((raw as { version?: unknown }).version !== PROFILES_VERSION) {
      log.info('migrated profiles file', { from: String((raw as { version?: unknown }).version ?? 'none') });
      await writeJsonAtomic(this.file, this.cached);
    }
    return this.cached;
  }

  async get(id: string): Promise<Profile> {
    const found = (await this.read()).profiles.find((p) => p.id === id);
    if (!found) throw new FerryError('accounts.profileNotFound');
    return found;
  }

  /** Applies `change` to the file and writes it, one change at a time. */
  update(change: (file: ProfilesFile) => ProfilesFile): Promise<ProfilesFile> {
    const run = this.queue.then(async () => {
      const next = FileSchema.parse(change(structuredClone(await this.read())));
      await writeJsonAtomic(this.file, next);
      this.cached = next;
      return next;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
