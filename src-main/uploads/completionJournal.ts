import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Crc64 } from '../crc64/crc64.ts';
import { logger } from '../log/logger.ts';
import { writeFileAtomic } from '../storage/atomicJson.ts';

const log = logger('uploads');

/** A file a batch is about to send: after a crash, its key may hold what the interrupted run sent. */
export const QueuedSchema = z.object({
  kind: z.literal('queued'),
  id: z.string(),
  profileId: z.string(),
  bucket: z.string(),
  path: z.string(),
});
export type Queued = z.output<typeof QueuedSchema>;

export const CompletionSchema = z.object({
  kind: z.literal('done'),
  id: z.string(),
  profileId: z.string(),
  bucket: z.string(),
  path: z.string(),
  key: z.string(),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  /** CRC-64 of the object as the server confirmed it, decimal. */
  crc: z.string(),
});
export type Completion = z.output<typeof CompletionSchema>;

const LineSchema = z.discriminatedUnion('kind', [QueuedSchema, CompletionSchema]);
export type JournalLine = z.output<typeof LineSchema>;

/**
 * The batch in progress, as JSON lines in `<home>/uploads/journal.jsonl`: each file before it is sent
 * (one write per batch) and each upload that finished, appended before the item shows as done. The
 * queue file and the history are written a moment later (coalesced), so after a crash or SIGKILL this
 * journal is what says which files of the interrupted batch already arrived: the window's startup
 * recovery and a re-run of the same `ferry upload` both skip them instead of storing them again as
 * "keep both". Lines leave the journal once the queue that wrote them has nothing left to do.
 */
export class CompletionJournal {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly home: string) {}

  private get file(): string {
    return path.join(this.home, 'uploads', 'journal.jsonl');
  }

  /** Appends the lines; resolves once they are in the file (a SIGKILL after this cannot lose them). */
  record(...lines: JournalLine[]): Promise<void> {
    if (lines.length === 0) return Promise.resolve();
    return this.serialised(async () => {
      await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
      await fs.appendFile(this.file, lines.map((l) => JSON.stringify(l) + '\n').join(''), { mode: 0o600 });
    });
  }

  async list(): Promise<JournalLine[]> {
    let raw: string;
    try {
      raw = await fs.readFile(this.file, 'utf8');
    } catch {
      return [];
    }
    const found: JournalLine[] = [];
    for (const line of raw.split('\n')) {
      if (!line.trim()) continue;
      try {
        found.push(LineSchema.parse(JSON.parse(line)));
      } catch {
        // A torn last line (killed mid-append) or a damaged one costs that file an upload, never a wrong skip.
        log.warn('ignoring an unreadable line of the completion journal');
      }
    }
    return found;
  }

  /** Drops the lines of `ids` (their batch finished); lines other processes wrote stay. */
  forget(ids: ReadonlySet<string>): Promise<void> {
    if (ids.size === 0) return Promise.resolve();
    return this.serialised(async () => {
      const kept = (await this.list()).filter((c) => !ids.has(c.id));
      if (kept.length === 0) await fs.rm(this.file, { force: true });
      else await writeFileAtomic(this.file, kept.map((c) => JSON.stringify(c) + '\n').join(''));
    });
  }

  private serialised(work: () => Promise<void>): Promise<void> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }
}

/**
 * The completion recorded for this very file: same connection, bucket and path, and the file still has
 * the size, modification time and content (CRC-64, read again) it had when it was uploaded.
 */
export async function completedBefore(journal: readonly JournalLine[], file: JournalFile): Promise<Completion | undefined> {
  const candidates = journal.filter((c): c is Completion => c.kind === 'done' && sameFile(c, file));
  if (candidates.length === 0) return undefined;
  let stat;
  try {
    stat = await fs.stat(file.path);
  } catch {
    return undefined;
  }
  const same = candidates.filter((c) => c.size === stat.size && c.mtimeMs === stat.mtimeMs);
  if (same.length === 0) return undefined;
  const crc = await fileCrc(file.path).catch(() => undefined);
  return same.findLast((c) => c.crc === crc);
}

/** The lines an interrupted batch wrote about this file (their ids, to drop once this batch is over). */
export function linesAbout(journal: readonly JournalLine[], file: JournalFile): JournalLine[] {
  return journal.filter((line) => sameFile(line, file));
}

interface JournalFile {
  path: string;
  profileId: string;
  bucket: string;
}

function sameFile(line: JournalLine, file: JournalFile): boolean {
  return line.path === file.path && line.profileId === file.profileId && line.bucket === file.bucket;
}

/** CRC-64 of the whole file as it is now, decimal (as OSS reports it). */
export async function fileCrc(file: string): Promise<string> {
  const hasher = new Crc64();
  for await (const chunk of createReadStream(file)) hasher.update(chunk as Buffer);
  return hasher.digest().toString();
}
