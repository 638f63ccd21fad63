import { logger } from '../log/logger.ts';
import { fileCrc } from './completionJournal.ts';
import type { TransferContext } from './transferContext.ts';

const log = logger('uploads');

/**
 * For a file of a batch a crash interrupted, whose key turned out to be taken: the object's CRC-64 when
 * it is this very file (same size, same CRC-64 as the file now), i.e. the interrupted run's PUT landed
 * but was killed before it could record it. Anything else, or any doubt, is undefined: keep both.
 */
export async function landedBefore(ctx: Pick<TransferContext, 'session' | 'path' | 'id'>, key: string, size: number): Promise<string | undefined> {
  try {
    const headers = await ctx.session.objectHeaders(key);
    if (!headers || Number(headers['content-length']) !== size) return undefined;
    const crc = await fileCrc(ctx.path);
    return headers['x-oss-hash-crc64ecma'] === crc ? crc : undefined;
  } catch (error) {
    log.info('could not compare a taken key with the file; keeping both', { id: ctx.id, error: (error as Error)?.name });
    return undefined;
  }
}
