/** OSS allows part numbers 1..10,000 and parts of 100 KB .. 5 GB (the last part may be smaller). */
export const MAX_PARTS = 10_000;
export const MIN_PART_BYTES = 100 * 1024;
export const MAX_PART_BYTES = 5 * 1024 ** 3;

export interface TransferTuning {
  /** Files at least this big go multipart; smaller ones are one streamed PUT. */
  multipartThreshold: number;
  /** The part size used unless the file is so big that 10,000 parts would not cover it. */
  partSize: number;
}

export const DEFAULT_TUNING: TransferTuning = {
  multipartThreshold: 32 * 1024 ** 2,
  partSize: 8 * 1024 ** 2,
};

const MIB = 1024 ** 2;

/** The part size for a file of `size` bytes: the preferred size, grown (in whole MiB) to fit 10,000 parts. */
export function choosePartSize(size: number, preferred: number): number {
  const floor = Math.max(preferred, MIN_PART_BYTES);
  const needed = Math.ceil(size / MAX_PARTS);
  if (needed <= floor) return floor;
  const rounded = Math.ceil(needed / MIB) * MIB;
  if (rounded > MAX_PART_BYTES) throw new RangeError('file too large for multipart upload');
  return rounded;
}

export interface PartRange {
  number: number;
  start: number;
  /** Exclusive. */
  end: number;
}

export function partRanges(size: number, partSize: number): PartRange[] {
  const parts: PartRange[] = [];
  for (let start = 0, number = 1; start < size; start += partSize, number++) {
    parts.push({ number, start, end: Math.min(size, start + partSize) });
  }
  return parts;
}

export function usesMultipart(size: number, tuning: TransferTuning): boolean {
  return size >= tuning.multipartThreshold;
}

/**
 * Tuning overrides from the environment (`FERRY_UPLOAD_PART_SIZE`, `FERRY_UPLOAD_MULTIPART_THRESHOLD`,
 * bytes) — for tests and benchmarks that need small parts in a separate process.
 */
export function tuningFromEnv(env: NodeJS.ProcessEnv): Partial<TransferTuning> {
  const read = (name: string): number | undefined => {
    const n = Number(env[name]);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const partSize = read('FERRY_UPLOAD_PART_SIZE');
  const multipartThreshold = read('FERRY_UPLOAD_MULTIPART_THRESHOLD');
  return { ...(partSize ? { partSize } : {}), ...(multipartThreshold ? { multipartThreshold } : {}) };
}
