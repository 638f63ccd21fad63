import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { readJson, writeJsonAtomic } from '../../storage/atomicJson.ts';
import type { StorageLayout } from './layout.ts';

export interface LoggingRule {
  targetBucket: string;
  targetPrefix: string;
}

const ruleSchema = z.object({ targetBucket: z.string(), targetPrefix: z.string() });

/** Each bucket's access-logging rule (PutBucketLogging), kept in `buckets/<bucket>/logging.json`. */
export class BucketLoggingStore {
  private readonly rules = new Map<string, LoggingRule>();

  constructor(private readonly layout: StorageLayout) {}

  async load(buckets: string[]): Promise<void> {
    for (const bucket of buckets) {
      const rule = await readJson(this.layout.loggingFile(bucket), ruleSchema).catch(() => undefined);
      if (rule) this.rules.set(bucket, rule);
    }
  }

  get(bucket: string): LoggingRule | undefined {
    return this.rules.get(bucket);
  }

  async set(bucket: string, rule: LoggingRule | undefined): Promise<void> {
    if (rule) {
      await writeJsonAtomic(this.layout.loggingFile(bucket), rule);
      this.rules.set(bucket, rule);
    } else {
      await fs.rm(this.layout.loggingFile(bucket), { force: true });
      this.rules.delete(bucket);
    }
  }
}
