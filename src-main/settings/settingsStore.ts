import path from 'node:path';
import { z } from 'zod';
import { AppSettingsSchema } from '../contract/app.ts';
import { readJson, writeJsonAtomic } from '../storage/atomicJson.ts';

export type AppSettings = z.output<typeof AppSettingsSchema>;

const FileSchema = z.object({ version: z.literal(1), settings: AppSettingsSchema });

/** App-wide preferences in `<dataHome>/settings.json`. Never holds a secret. */
export class SettingsStore {
  private current: AppSettings | undefined;
  private readonly listeners = new Set<(settings: AppSettings) => void>();

  constructor(private readonly home: string) {}

  private get file(): string {
    return path.join(this.home, 'settings.json');
  }

  async get(): Promise<AppSettings> {
    if (!this.current) {
      let loaded: z.output<typeof FileSchema> | undefined;
      try {
        loaded = await readJson(this.file, FileSchema);
      } catch {
        loaded = undefined; // a damaged settings file falls back to defaults rather than blocking start-up
      }
      this.current = loaded?.settings ?? AppSettingsSchema.parse({});
    }
    return this.current;
  }

  private queue: Promise<unknown> = Promise.resolve();

  /** Updates run one at a time, so two quick changes never overwrite each other. */
  update(patch: Partial<AppSettings>): Promise<AppSettings> {
    const run = this.queue.then(() => this.apply(patch));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async apply(patch: Partial<AppSettings>): Promise<AppSettings> {
    const next = AppSettingsSchema.parse({ ...(await this.get()), ...patch });
    await writeJsonAtomic(this.file, { version: 1, settings: next });
    this.current = next;
    for (const listener of this.listeners) listener(next);
    return next;
  }

  onChange(listener: (settings: AppSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
