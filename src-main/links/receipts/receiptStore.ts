import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readJson, writeJsonAtomic } from '../../storage/atomicJson.ts';

export const OpenSchema = z.object({ at: z.number(), ip: z.string(), agent: z.string().optional() });
export type Open = z.output<typeof OpenSchema>;

const LinkOpensSchema = z.object({ count: z.number(), first: OpenSchema, recent: z.array(OpenSchema) });
export type LinkOpens = z.output<typeof LinkOpensSchema>;

const FileSchema = z.object({
  version: z.literal(1),
  /** Per log location (`<targetBucket>/<targetPrefix><sourceBucket>`): the last log object read. */
  markers: z.record(z.string(), z.string()),
  opens: z.record(z.string(), LinkOpensSchema),
  /** Per profile: when its bucket's logs were last read through (so "not opened" can be told from "not known"). */
  readAt: z.record(z.string(), z.number()).default({}),
});
type ReceiptsFile = z.output<typeof FileSchema>;

/** Opens kept per link for the details (the count keeps counting). */
export const RECENT_OPENS = 10;
/** Links whose opens are remembered; the oldest-opened are dropped beyond this. */
const LINKS_KEPT = 5_000;

/**
 * What the access logs said about Ferry's links: per ledger id, how often, first and latest opens
 * (time, requester IP, user agent), plus which log objects were read. `<dataHome>/receipts.json`;
 * written only by the app's background reader, read by the window and `ferry links`.
 */
export class ReceiptStore {
  private data: ReceiptsFile | undefined;
  private loadedMtime = 0;

  constructor(private readonly home: string) {}

  get file(): string {
    return path.join(this.home, 'receipts.json');
  }

  async opensOf(linkId: string): Promise<LinkOpens | undefined> {
    return (await this.load()).opens[linkId];
  }

  async all(): Promise<Readonly<Record<string, LinkOpens>>> {
    return (await this.load()).opens;
  }

  async readAt(): Promise<Readonly<Record<string, number>>> {
    return (await this.load()).readAt;
  }

  /** Notes that every log of the profile's bucket delivered so far was read (at `at`). */
  async markRead(profileId: string, at: number): Promise<void> {
    const data = structuredClone(await this.load());
    data.readAt[profileId] = at;
    await this.write(data);
  }

  async marker(location: string): Promise<string | undefined> {
    return (await this.load()).markers[location];
  }

  /** Adds opens (oldest first) and moves the location's marker past the log object they came from, in one write. */
  async record(location: string, marker: string, opens: readonly { linkId: string; open: Open }[]): Promise<void> {
    const data = structuredClone(await this.load());
    for (const { linkId, open } of opens) {
      const current = data.opens[linkId];
      if (!current) {
        data.opens[linkId] = { count: 1, first: open, recent: [open] };
        continue;
      }
      current.count += 1;
      if (open.at < current.first.at) current.first = open;
      current.recent = [...current.recent, open].sort((a, b) => a.at - b.at).slice(-RECENT_OPENS);
    }
    const ids = Object.keys(data.opens);
    if (ids.length > LINKS_KEPT) {
      const latest = (id: string): number => data.opens[id]!.recent.at(-1)?.at ?? 0;
      for (const id of ids.sort((a, b) => latest(a) - latest(b)).slice(0, ids.length - LINKS_KEPT)) delete data.opens[id];
    }
    data.markers[location] = marker;
    await this.write(data);
  }

  private async write(data: ReceiptsFile): Promise<void> {
    await writeJsonAtomic(this.file, data);
    this.data = data;
    this.loadedMtime = await this.mtime();
  }

  private async mtime(): Promise<number> {
    try {
      return (await fs.stat(this.file)).mtimeMs;
    } catch {
      return 0;
    }
  }

  /** Read again when the file changed (another Ferry process: the window's list while `ferry links` reads it). */
  private async load(): Promise<ReceiptsFile> {
    const mtime = await this.mtime();
    if (!this.data || mtime !== this.loadedMtime) {
      this.loadedMtime = mtime;
      let loaded: ReceiptsFile | undefined;
      try {
        loaded = await readJson(this.file, FileSchema);
      } catch {
        loaded = undefined; // damaged: start over (logs already read are not read again by date, only by marker)
      }
      this.data = loaded ?? { version: 1, markers: {}, opens: {}, readAt: {} };
    }
    return this.data;
  }
}
