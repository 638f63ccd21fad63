import type OSS from 'ali-oss';
import { partRanges } from '../uploads/partPlan.ts';

/** Parts copied at once: each is a server-side copy, so this bounds the load Ferry asks of OSS, not bandwidth. */
const PARTS_AT_ONCE = 3;

/**
 * Copies `from` to `to` inside `bucket` on the server, part by part (UploadPartCopy). Unlike ali-oss's
 * `multipartUploadCopy`, a failure aborts the multipart upload, so no invisible, billed parts are left
 * behind.
 */
export async function multipartCopy(client: OSS, bucket: string, from: string, to: string, size: number, partSize: number): Promise<void> {
  const { uploadId } = await client.initMultipartUpload(to);
  try {
    const ranges = partRanges(size, partSize);
    const etags: string[] = [];
    let next = 0;
    let failed = false;
    const worker = async (): Promise<void> => {
      while (!failed && next < ranges.length) {
        const { number, start, end } = ranges[next++]!;
        try {
          const range = `${start}-${end - 1}`; // inclusive, as in an HTTP Range
          etags[number - 1] = (await client.uploadPartCopy(to, uploadId, number, range, { sourceKey: from, sourceBucketName: bucket }, {})).etag;
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    };
    // Every copy in flight settles before the abort: a part landing after it would outlive the upload.
    const settled = await Promise.allSettled(Array.from({ length: Math.min(PARTS_AT_ONCE, ranges.length) }, worker));
    const failure = settled.find((s) => s.status === 'rejected');
    if (failure) throw failure.reason;
    await client.completeMultipartUpload(to, uploadId, ranges.map(({ number }) => ({ number, etag: etags[number - 1]! })));
  } catch (error) {
    await client.abortMultipartUpload(to, uploadId).catch(() => undefined);
    throw error;
  }
}
