import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { logger } from '../../../log/logger.ts';
import { BodyDigest } from '../../storage/bodyDigest.ts';
import type { LoggingRule } from '../../storage/bucketLogging.ts';
import type { ObjectMeta } from '../../storage/objectFile.ts';
import type { ObjectStore } from '../../storage/objectStore.ts';
import { writeTempObject } from '../../storage/tempFile.ts';
import { logObjectKey } from './format.ts';

const log = logger('sandbox');

interface Batch {
  sourceBucket: string;
  rule: LoggingRule;
  lines: string[];
}

/**
 * Collects access-log lines per source bucket and, every `intervalMs`, writes each bucket's lines as
 * one new object in its target bucket under its prefix — as OSS does about hourly (it says within
 * 48 hours; tests configure seconds). Lines still waiting are written at close.
 */
export class AccessLogDelivery {
  private batches = new Map<string, Batch>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly objects: ObjectStore,
    private readonly intervalMs: number,
    private readonly now: () => number,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  record(sourceBucket: string, rule: LoggingRule, line: string): void {
    const id = `${sourceBucket}\n${rule.targetBucket}\n${rule.targetPrefix}`;
    let batch = this.batches.get(id);
    if (!batch) {
      batch = { sourceBucket, rule, lines: [] };
      this.batches.set(id, batch);
    }
    batch.lines.push(line);
  }

  /** Writes every waiting batch now (one flush at a time). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const batches = [...this.batches.values()];
      this.batches = new Map();
      for (const batch of batches) {
        try {
          await this.write(batch);
        } catch (error) {
          log.error('sandbox could not write an access log object', { error: String(error) });
        }
      }
    });
    return this.flushing;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  private async write(batch: Batch): Promise<void> {
    const created = this.now();
    const key = logObjectKey(batch.rule.targetPrefix, batch.sourceBucket, created, randomBytes(8).toString('hex').toUpperCase());
    const data = Buffer.from(batch.lines.map((l) => `${l}\n`).join(''));
    const digest = new BodyDigest();
    const { tempPath, meta } = await writeTempObject(this.objects.tempDir, Readable.from([data]), [], (): ObjectMeta => ({
      key,
      size: digest.bytes,
      etag: `"${digest.md5Bytes().toString('hex').toUpperCase()}"`,
      crc64: digest.crc64().toString(),
      type: 'Normal',
      lastModified: created,
      contentType: 'application/octet-stream',
      headers: {},
    }), digest.update);
    await this.objects.commit(batch.rule.targetBucket, tempPath, meta);
  }
}
