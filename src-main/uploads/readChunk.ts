/**
 * Read size for upload streams: big enough that CRC-64 and syscalls stay cheap, small enough that
 * four parts in flight keep the process well under its memory budget.
 */
export const READ_CHUNK_BYTES = 256 * 1024;
