import { logger } from '../log/logger.ts';
import { writeJsonAtomic } from './atomicJson.ts';

const log = logger('storage');

/**
 * A JSON file rewritten (atomically) at most once per `delayMs` however often it changes: callers
 * `schedule()` on every change and `flush()` on quit. Writes are serialised, and the snapshot is
 * taken when the write happens, so the newest state always lands last.
 */
export class CoalescedJsonFile {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => unknown,
    private readonly delayMs: number,
    /** What the log says could not be saved ("upload history"). */
    private readonly what: string,
  ) {}

  schedule(): void {
    this.dirty = true;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.delayMs);
    this.timer.unref?.();
  }

  /** Writes pending changes now; nothing changed, nothing written. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (!this.dirty) return this.writing;
    this.dirty = false;
    const value = this.snapshot();
    this.writing = this.writing
      .then(() => writeJsonAtomic(this.file, value))
      .catch((error: unknown) => log.warn(`could not save the ${this.what}`, { error: String(error).slice(0, 200) }));
    return this.writing;
  }
}
