import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UploadSourceSchema } from '../contract/uploads.ts';
import { logger } from '../log/logger.ts';
import { readJson, writeFileAtomic } from '../storage/atomicJson.ts';
import { isFinished, type QueueEntry } from './queueEntry.ts';

const log = logger('uploads');

export const PendingUploadSchema = z.object({
  id: z.string(),
  path: z.string(),
  name: z.string(),
  profileId: z.string(),
  baseKey: z.string(),
  collision: z.enum(['keepBoth', 'replace']),
  source: UploadSourceSchema,
  /** The user paused it: after a restart it waits for Resume. */
  paused: z.boolean(),
});
export type PendingUpload = z.output<typeof PendingUploadSchema>;

/** What older versions wrote: the whole unfinished queue, rewritten on every change. Read once, then replaced. */
const LegacyFileSchema = z.object({ v: z.literal(1), uploads: z.array(PendingUploadSchema) });

const RecordSchema = z.discriminatedUnion('op', [
  PendingUploadSchema.extend({ op: z.literal('add') }),
  z.object({ op: z.literal('paused'), id: z.string(), paused: z.boolean() }),
  z.object({ op: z.literal('remove'), id: z.string() }),
]);
type QueueRecord = z.output<typeof RecordSchema>;

const WRITE_DELAY_MS = 500;
/** The file is rewritten with only the live entries once dead lines outnumber them (and there are this many lines). */
const COMPACT_MIN_LINES = 1000;

/**
 * The unfinished part of the queue, so files dropped but not yet sent (not only multipart uploads with
 * a checkpoint) carry on after a quit or a crash. An append-only journal of JSON lines in
 * `<home>/uploads/queue.jsonl` — an entry is written once when it is queued, then only a line when the
 * user pauses or resumes it and one when it leaves the queue — so a 100,000-file drop writes each file
 * once instead of rewriting the whole queue every half second. Appends are coalesced, never on plain
 * progress; the file is rewritten with the live entries at startup and when dead lines outnumber them.
 */
export class PendingUploadsStore {
  /** Entries the file holds as unfinished → their paused flag. */
  private readonly saved = new Map<string, boolean>();
  private buffered: QueueRecord[] = [];
  /** Lines in the file since it was last rewritten (this process's count). */
  private lines = 0;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** Bytes this store has written (appends and rewrites), for tests and benchmarks. */
  bytesWritten = 0;

  constructor(
    private readonly home: string,
    private readonly entries: () => Iterable<QueueEntry>,
  ) {}

  private get file(): string {
    return path.join(this.home, 'uploads', 'queue.jsonl');
  }

  private get legacyFile(): string {
    return path.join(this.home, 'uploads', 'queue.json');
  }

  /** Cheap enough to call on every progress tick: only queuing, pausing, resuming or leaving writes. */
  observe(entry: QueueEntry | undefined, id: string): void {
    const want = entry && kept(entry) ? entry.userPaused === true : undefined;
    const had = this.saved.get(id);
    if (want === had) return;
    if (want === undefined) {
      this.saved.delete(id);
      this.buffered.push({ op: 'remove', id });
    } else {
      this.saved.set(id, want);
      this.buffered.push(had === undefined ? { op: 'add', ...pendingOf(entry!) } : { op: 'paused', id, paused: want });
    }
    this.timer ??= setTimeout(() => void this.flush(), WRITE_DELAY_MS);
    this.timer.unref?.();
  }

  /** Writes what changed now (quit, tests). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buffered.length === 0) return this.writing;
    const records = this.buffered;
    this.buffered = [];
    this.lines += records.length;
    if (this.lines >= COMPACT_MIN_LINES && this.lines > 2 * this.saved.size) return this.compact();
    const text = records.map((r) => JSON.stringify(r) + '\n').join('');
    return this.enqueue(async () => {
      await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
      await fs.appendFile(this.file, text, { mode: 0o600 });
      this.bytesWritten += Buffer.byteLength(text);
    });
  }

  /**
   * Rewrites the file with the queue's unfinished entries as they are now (after a startup's resume:
   * entries a previous run left and this one did not take back go, as an older queue.json does).
   */
  compact(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.buffered = [];
    this.saved.clear();
    const parts: string[] = [];
    for (const entry of this.entries()) {
      if (!kept(entry)) continue;
      this.saved.set(entry.id, entry.userPaused === true);
      parts.push(JSON.stringify({ op: 'add', ...pendingOf(entry) } satisfies QueueRecord) + '\n');
    }
    this.lines = parts.length;
    const text = parts.join('');
    return this.enqueue(async () => {
      if (text === '') await fs.rm(this.file, { force: true });
      else await writeFileAtomic(this.file, text);
      await fs.rm(this.legacyFile, { force: true });
      this.bytesWritten += Buffer.byteLength(text);
    });
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    this.writing = this.writing
      .then(work)
      .catch((error: unknown) => log.warn('could not save the upload queue', { error: String(error).slice(0, 200) }));
    return this.writing;
  }

  /** The unfinished uploads a previous run left: an older queue.json, then the journal's lines replayed. */
  async load(): Promise<PendingUpload[]> {
    const found = new Map<string, PendingUpload>();
    try {
      for (const upload of (await readJson(this.legacyFile, LegacyFileSchema))?.uploads ?? []) found.set(upload.id, upload);
    } catch (error) {
      // A damaged queue file costs the user a re-drop, never a wrong upload.
      log.warn('ignoring unreadable upload queue', { error: String(error).slice(0, 200) });
    }
    let raw = '';
    try {
      raw = await fs.readFile(this.file, 'utf8');
    } catch {
      // No journal yet.
    }
    let unreadable = 0;
    for (const line of raw.split('\n')) {
      if (!line.trim()) continue;
      let record: QueueRecord;
      try {
        record = RecordSchema.parse(JSON.parse(line));
      } catch {
        // A torn last line (killed mid-append): that change is lost, as it would be had the write not started.
        unreadable++;
        continue;
      }
      if (record.op === 'add') {
        const { op: _op, ...upload } = record;
        found.set(upload.id, upload);
      } else if (record.op === 'remove') {
        found.delete(record.id);
      } else {
        const upload = found.get(record.id);
        if (upload) upload.paused = record.paused;
      }
    }
    if (unreadable > 0) log.warn('ignoring unreadable lines of the upload queue', { lines: unreadable });
    return [...found.values()];
  }
}

/** Unfinished and with a key: worth carrying over a restart. */
function kept(entry: QueueEntry): boolean {
  return !isFinished(entry.state) && entry.baseKey !== '';
}

function pendingOf(e: QueueEntry): PendingUpload {
  return { id: e.id, path: e.path, name: e.name, profileId: e.profile.id, baseKey: e.baseKey, collision: e.collision, source: e.source, paused: e.userPaused === true };
}
